#!/usr/bin/env bash
# Regenerates the committed seed corpus fuzz/seeds/<target>/ from the default
# dossier in content/. A handful of small files per target; run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
content="$here/../content"
seeds="$here/seeds"

copy() { # target, then files relative to content/
    local target="$1"; shift
    mkdir -p "$seeds/$target"
    for file in "$@"; do
        cp "$content/$file" "$seeds/$target/$(echo "$file" | tr / _)"
    done
}

rm -rf "$seeds"
# Whole files: TOML front matter of each kind, plus a YAML note and a bare article.
copy front_matter actors/benny-gantz.md actors/israel.md notes/timeline.md \
    notes/background-algeria-morocco.md sources/nnn-landmark-pact.txt
cat > "$seeds/front_matter/yaml-note.md" <<'YAML'
---
title: "Background: Western Sahara"
summary: A YAML note.
weight: 3
tags: [background, western-sahara]
events:
  - date: "2020-12-10"
    title: US recognises Moroccan sovereignty
    actors: [united-states, morocco]
    sources: [nnn-landmark-pact]
...
See [[polisario-front]].
YAML
# A source without front matter: the body alone.
sed '1,/^+++$/{/^+++$/!d}; 1,/^+++$/d' "$content/sources/urbain-historic-agreement.txt" \
    > "$seeds/front_matter/bare-source.txt"

# Scraped articles, front matter and all (the clean target reads it as the loader does).
copy clean sources/nnn-landmark-pact.txt sources/urbain-historic-agreement.txt \
    sources/trendsnafrica-defence-meeting.txt sources/newslooks-strategic-alliance.txt
cp "$seeds/front_matter/bare-source.txt" "$seeds/clean/bare-source.txt"

# Editorial Markdown with many wiki-links and citations.
copy wikilinks notes/overview.md notes/background-western-sahara.md actors/benny-gantz.md \
    actors/zohar-palti.md
copy markdown notes/overview.md notes/metadata-unknowns.md actors/benny-gantz.md \
    actors/israel.md
printf '%s\n' 'X [@a#p-1]. Y [@b; @a#p-1]. Z [@missing]. `[[code]]` <b>raw</b>' \
    '[a](javascript:alert(1)) ![i](https://t.example/p.png) ![g](../static/g.png)' \
    '[[gantz|G]] [[israel#p-1]] [o](../notes/overview.md#x) [^1]' '' '[^1]: A footnote.' \
    '' '| a | b |' '|:--|--:|' '| 1 | 2 |' '' '```rust' 'fn main() { let s = "[[no]] [@no]"; }' \
    '```' > "$seeds/markdown/syntax.md"

# Article text with quotations and speech verbs.
copy quotes sources/trump-legacy-defence-pact.txt sources/nnn-landmark-pact.txt \
    sources/urbain-historic-agreement.txt
printf '%s\n' '“It is a historic step,” Gantz said. Officials told reporters the deal was “very significant”.' \
    'He added it will allow "joint projects" and «exercices». „Ja“, sagte er. Mr. Palti said so.' \
    > "$seeds/quotes/mixed.txt"

# Saved web pages, made up here: metadata of every kind, furniture, and a gzipped one.
mkdir -p "$seeds/html_import"
cat > "$seeds/html_import/news.html" <<'HTML'
<!DOCTYPE html><html lang="en-GB"><head><title>Pact signed | The Lake Times</title>
<meta property="og:title" content="Pact signed"><meta property="og:site_name" content="The Lake Times">
<meta name="description" content="Two states share a river."><meta name="author" content="Mira Holm">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<link rel="canonical" href="https://lake.example/pact">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Pact &amp; river","author":[{"name":"A"},"B"],"datePublished":"2024-03"}]}</script>
<script>var x = "<p>not text</p>";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a></nav><div class="share">Share</div><article><h1>Pact signed</h1>
<time datetime="2024-03-05">5 March 2024</time><p>The ministers met on the shore of the lake and agreed to share the water.</p>
<p>Officials said the pact would be signed within weeks.<br>After the vote.</p><iframe src="x">f</iframe>
<img src="p.gif" width="1" height="1"></article><aside class="related"><ul><li>Other</li></ul></aside><footer>(c)</footer></body></html>
HTML
printf '%s\n' '<html><head><title>Only a title</title></head><body><div><p>One paragraph of text &lt;b&gt; here.</p></div></body></html>' \
    > "$seeds/html_import/no-metadata.html"
printf '%s\n' '<!doctype html><html><head><script type="application/ld+json">[{"@type":["Article"],"headline":{"@id":"h"},"author":{"name":"x://y"},"inLanguage":"english please"}, 3, null]</script></head><body><p>x' \
    > "$seeds/html_import/odd-json-ld.html"
gzip -n -c "$seeds/html_import/news.html" > "$seeds/html_import/news.html.gz"

# Articles of a new dossier, made up here, and two of the default dossier's; a
# line holding only "@@" becomes the byte 0x01 that cuts the input into articles.
mkdir -p "$seeds/articles"
article() { sed 's/^@@$/\x01/' > "$seeds/articles/$1"; }
article two-outlets.txt <<'TEXT'
Ruritania signs a water pact
President Jane Halloway of Ruritania met Bordurian envoys in Vienna on Monday.
"We share one river," Halloway said. Ms. Halloway's aide, Tom Brack, a spokesman for the Water Ministry, said the talks went well.
Officials at Customs and Border Protection (CBP) said CBP would check the barges.
@@
Bordurian view of the pact
Halloway said the pact was fair. Jane Halloway spoke for an hour in Vienna.
"It is late," he added. The former CBP director, Ivo Brandt, told reporters: "[Halloway] paused."
TEXT
article capitals-and-roles.txt <<'TEXT'
Talks with Vienna stall
VIENNA (AP) - Vienna's envoy said on Tuesday that the talks had stalled. Lawyer Ben Sato, who advises the Ostal Mining Company, disagreed.
"Nothing is hidden," said Sato. The chief executive of Ostal, Ines Morel, said she would fly to Vienna.
Calling it "a setback," the Progressive Union Party filed a complaint. Sato's lawyers declined to comment.
@@
Ostal and the river
Ms. Morel said the company would wait. "We will," she said, "but not forever."
@@
Opinion
The Ostal board met in Ostal Tower. Mr. Sato, Dr. Anna Kessel and Dr. Peter Kessel were there. Kessel said little.
TEXT
article french.txt <<'TEXT'
Le groupe minier Ferrex
« Rien n'est caché », a-t-il assuré. Selon le directeur général de Ferrex, Paul Werner, le projet avance.
Mme Benali a déclaré que le Parti vert s'y opposait. M. Werner a répondu : « Nous verrons. »
TEXT
{ sed "1,/^+++$/d" "$content/sources/nnn-landmark-pact.txt"; printf "\001"; sed "1,/^+++$/d" "$content/sources/urbain-historic-agreement.txt"; } \
    > "$seeds/articles/default-dossier.txt"
