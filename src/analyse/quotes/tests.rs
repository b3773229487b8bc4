use super::*;

fn mention(text: &str, name: &str, actor: &str, rank: u8) -> SpeakerMention {
    let start = text.find(name).unwrap();
    SpeakerMention {
        actor: actor.into(),
        rank,
        range: start..start + name.len(),
    }
}

#[test]
fn the_builtin_lexicon_loads() {
    let lexicon = Lexicon::builtin();
    assert!(lexicon.verbs.contains(&"told".to_string()));
}

#[test]
fn attributes_after_before_and_continued_quotes() {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    let p1 = "“This is a deal,” the aide, Zohar Palti, told Israel’s Kan broadcaster.";
    let found = finder.paragraph(
        p1,
        &[
            mention(p1, "Zohar Palti", "palti", 0),
            mention(p1, "Kan", "kan", 1),
            mention(p1, "Israel", "israel", 2),
        ],
    );
    assert_eq!(found[0].speaker, Speaker::Actor("palti".into()));
    assert_eq!(found[0].verb.as_deref(), Some("told"));
    let p2 = "“Morocco has for years been battling terror on several fronts.”";
    let found = finder.paragraph(p2, &[mention(p2, "Morocco", "morocco", 2)]);
    assert_eq!(found[0].speaker, Speaker::Actor("palti".into()));
    assert!(found[0].continued);

    let p3 = "In a statement, Gantz said that the agreement was “very significant and will allow us to exchange ideas.”";
    let found = QuoteFinder::new(&lexicon).paragraph(p3, &[mention(p3, "Gantz", "gantz", 0)]);
    assert_eq!(found[0].speaker, Speaker::Actor("gantz".into()));
    assert_eq!(found[0].kind, StatementKind::Direct);
}

#[test]
fn scare_quotes_and_names_are_not_speech() {
    let lexicon = Lexicon::builtin();
    let text =
        "Israel is cementing their newfound “friendships” in line with the “Abraham Agreements”.";
    let found = QuoteFinder::new(&lexicon).paragraph(text, &[]);
    assert!(
        found.iter().all(|s| s.kind == StatementKind::Scare),
        "{found:?}"
    );
    assert_eq!(found.len(), 2);
}

#[test]
fn indirect_and_anonymous_statements() {
    let lexicon = Lexicon::builtin();
    let text = "Palti added it will allow the beginning of official cooperation. Other security officials who spoke under the condition of anonymity, stressed Morocco and Israel will not engage in weapon sales.";
    let found = QuoteFinder::new(&lexicon).paragraph(
        text,
        &[
            mention(text, "Palti", "palti", 0),
            mention(text, "Morocco", "morocco", 2),
        ],
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].speaker, Speaker::Actor("palti".into()));
    assert_eq!(found[0].kind, StatementKind::Indirect);
    assert_eq!(
        found[1].speaker,
        Speaker::Anonymous("other security officials".into())
    );
}

#[test]
fn scripts_whose_case_changes_length_do_not_break_verb_search() {
    let lexicon = Lexicon::builtin();
    for text in [
        "The ẞ—said İ were all present at the meeting in the capital.",
        "İstanbul, Benny Gantz told reporters “İ will go.”",
    ] {
        QuoteFinder::new(&lexicon).paragraph(text, &[]);
    }
}

#[test]
fn stray_straight_marks_do_not_flip_the_pairing() {
    let text = r#""><img src=x> Benny Gantz said "hello there" to Israel. A 12" pipe."#;
    let inner: Vec<&str> = quote_spans(text)
        .iter()
        .map(|s| &text[s.inner.clone()])
        .collect();
    assert_eq!(inner, ["hello there"]);
}

#[test]
fn unattributed_quotes_stay_unattributed() {
    let lexicon = Lexicon::builtin();
    let text = "“We will not be intimidated by anyone at all,” read a banner at the rally.";
    let found = QuoteFinder::new(&lexicon).paragraph(text, &[]);
    assert_eq!(found[0].speaker, Speaker::Unattributed);
    assert_eq!(found[0].kind, StatementKind::Direct);
}

fn one(lexicon: &Lexicon, text: &str, mentions: &[SpeakerMention]) -> Vec<Statement> {
    QuoteFinder::new(lexicon).paragraph(text, mentions)
}

fn direct(found: &[Statement]) -> Vec<&Statement> {
    found
        .iter()
        .filter(|s| s.kind == StatementKind::Direct)
        .collect()
}

fn unlisted(name: &str) -> Speaker {
    Speaker::Unlisted(name.into())
}

#[test]
fn a_second_quote_in_the_paragraph_keeps_its_speaker() {
    let lexicon = Lexicon::builtin();
    let text = "“We will build the bridge,” the senator, Ann Holt, said. “It will take two years.”";
    let found = one(&lexicon, text, &[mention(text, "Ann Holt", "ann-holt", 0)]);
    let quotes = direct(&found);
    assert_eq!(quotes.len(), 2, "{found:?}");
    assert_eq!(quotes[1].speaker, Speaker::Actor("ann-holt".into()));
    assert!(quotes[1].continued);
    // Without an actor file the name itself carries on.
    let found = one(&lexicon, text, &[]);
    assert_eq!(direct(&found)[1].speaker, unlisted("Ann Holt"));
}

#[test]
fn a_quote_only_paragraph_continues_the_one_before_unless_someone_else_speaks() {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    finder.paragraph(
        "“The harbour is closed to all ships,” said Tom Reed, the port director.",
        &[],
    );
    let found = finder.paragraph("“Nothing moves until Friday at the earliest.”", &[]);
    assert_eq!(found[0].speaker, unlisted("Tom Reed"));
    assert!(found[0].continued);

    let text = "“The port is closed,” Tom Reed said. Mara Lind disagreed, saying the port was open. “We will check again tomorrow morning.”";
    let found = one(&lexicon, text, &[]);
    assert_eq!(
        direct(&found)[1].speaker,
        unlisted("Mara Lind"),
        "{found:?}"
    );
}

#[test]
fn a_pronoun_is_the_subject_of_the_last_attribution_not_the_nearest_name() {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    let p1 = "Minister Karl Ost's adviser, Jo Roe, said the plan was ready.";
    let found = finder.paragraph(p1, &[mention(p1, "Karl Ost", "karl-ost", 0)]);
    assert_eq!(found[0].speaker, unlisted("Jo Roe"), "{found:?}");
    let p2 = "Karl Ost left the room. “We start on Monday with the first team,” she added.";
    let found = finder.paragraph(p2, &[mention(p2, "Karl Ost", "karl-ost", 0)]);
    assert_eq!(direct(&found)[0].speaker, unlisted("Jo Roe"), "{found:?}");

    // A bare surname may be anyone's; "he" right after it is that speaker.
    let text = "“We lost the vote,” Reed said. “It will not happen again,” he said.";
    assert_eq!(
        direct(&one(&lexicon, text, &[]))[1].speaker,
        unlisted("Reed")
    );

    // "they" looks for a group, and finds the officials rather than Jo Roe.
    let mut finder = QuoteFinder::new(&lexicon);
    finder.paragraph(
        "Jo Roe said the plan was ready. Officials said it was not.",
        &[],
    );
    let found = finder.paragraph("“Nothing has been signed yet,” they said.", &[]);
    assert_eq!(found[0].speaker, Speaker::Anonymous("officials".into()));
}

/// A paragraph that opens by naming someone new, then quotes "he", quotes
/// the newcomer, not the speaker of the paragraph before.
#[test]
fn a_pronoun_after_a_paragraph_that_brings_in_a_new_person_is_theirs() {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    let p1 = "“We will never sign it,” Senator Al Moss said at a rally.";
    let found = finder.paragraph(p1, &[mention(p1, "Al Moss", "al-moss", 0)]);
    assert_eq!(found[0].speaker, Speaker::Actor("al-moss".into()));
    let p2 =
        "Former Governor Tom Reed went even further. “It is a plan to sell the lake,” he said.";
    let found = finder.paragraph(p2, &[mention(p2, "Tom Reed", "tom-reed", 0)]);
    assert_eq!(
        direct(&found)[0].speaker,
        Speaker::Actor("tom-reed".into()),
        "{found:?}"
    );
    // Named before, the same opening leaves the pronoun to the last speaker.
    let p3 = "Tom Reed left early. “Nothing will be signed,” he said.";
    let mut finder = QuoteFinder::new(&lexicon);
    let p0 = "Tom Reed and the council met.";
    finder.paragraph(p0, &[mention(p0, "Tom Reed", "tom-reed", 0)]);
    finder.paragraph(p1, &[mention(p1, "Al Moss", "al-moss", 0)]);
    let found = finder.paragraph(p3, &[mention(p3, "Tom Reed", "tom-reed", 0)]);
    assert_eq!(
        direct(&found)[0].speaker,
        Speaker::Actor("al-moss".into()),
        "{found:?}"
    );
}

#[test]
fn a_labelling_verb_before_a_quotation_names_its_speaker() {
    let lexicon = Lexicon::builtin();
    let text = "Sam Pike, the manager of the Lake Party's campaign, called the L.P.C. claims a “sham suit filed by a desperate party.”";
    let mentions = [
        mention(text, "Sam Pike", "sam-pike", 0),
        mention(text, "L.P.C.", "lake-party", 1),
    ];
    let found = one(&lexicon, text, &mentions);
    assert_eq!(direct(&found)[0].speaker, Speaker::Actor("sam-pike".into()));
    assert_eq!(direct(&found)[0].verb.as_deref(), Some("called"));
    let text = "Jo Roe, who is named in the suit, dismissed it in an email as “a story made up by my opponents.”";
    let found = one(&lexicon, text, &[]);
    assert_eq!(direct(&found)[0].speaker, unlisted("Jo Roe"), "{found:?}");
    let text = "Jo Roe accused the council of “an act of plain treachery.”";
    let found = one(&lexicon, text, &[]);
    assert_eq!(direct(&found)[0].speaker, unlisted("Jo Roe"), "{found:?}");
    // "so-called" marks a term, and so do a few words no one is given.
    let text = "The mayor attacked the so-called “deep state” again.";
    assert_eq!(one(&lexicon, text, &[])[0].kind, StatementKind::Scare);
    let text = "It was what some called the “swamp” of the capital.";
    assert_eq!(one(&lexicon, text, &[])[0].kind, StatementKind::Scare);
    // "was called": the words are not the subject's.
    let text =
        "Jo Roe spoke first. Ivo Brandt was later called “a traitor to the whole town” in print.";
    let found = one(&lexicon, text, &[]);
    assert_ne!(
        found.last().unwrap().speaker,
        unlisted("Ivo Brandt"),
        "{found:?}"
    );
    // After a quotation, "called" names no speaker: the term stays a term.
    let text = "The group, known as “Friends of the Lake,” called a meeting.";
    let found = one(&lexicon, text, &[]);
    assert_eq!(found[0].kind, StatementKind::Scare, "{found:?}");
}

#[test]
fn a_participle_after_a_comma_shares_the_speaker_of_its_clause() {
    let lexicon = Lexicon::builtin();
    let text = "“The team broke every rule we have,” said Chairman Sam Pike in a statement, calling the alleged scheme “an act of treachery.”";
    let found = one(&lexicon, text, &[mention(text, "Sam Pike", "sam-pike", 0)]);
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 2, "{found:?}");
    // "the alleged scheme": after an article, a speech verb is an adjective.
    assert_eq!(quoted[1].verb.as_deref(), Some("calling"), "{found:?}");
    assert_eq!(quoted[1].speaker, Speaker::Actor("sam-pike".into()));
    // Reporting verbs beyond "said", before a colon.
    let text = "Asked about the aim, Mr. Pike demurred: “I have not given that any thought.”";
    let found = one(&lexicon, text, &[mention(text, "Pike", "sam-pike", 0)]);
    assert_eq!(direct(&found)[0].speaker, Speaker::Actor("sam-pike".into()));
}

#[test]
fn participles_and_adverbs_are_known_by_their_endings_in_each_language() {
    let lexicon = Lexicon::builtin();
    // French: "ajoutant" after a comma hangs on "a déclaré Jean Roux".
    let text = "« Le texte est prêt », a déclaré Jean Roux dans un communiqué, ajoutant : « La date sera fixée demain. »";
    let found = one(
        &lexicon,
        text,
        &[mention(text, "Jean Roux", "jean-roux", 0)],
    );
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 2, "{found:?}");
    // "dans un communiqué" is no part of the name: "dans" is a preposition.
    assert_eq!(quoted[0].speaker, Speaker::Actor("jean-roux".into()));
    assert_eq!(quoted[1].verb.as_deref(), Some("ajoutant"), "{found:?}");
    assert_eq!(quoted[1].speaker, Speaker::Actor("jean-roux".into()));
    // Spanish: "añadiendo".
    let text = "“El acuerdo está listo”, dijo Ana Ruiz en un comunicado, añadiendo: “Firmaremos mañana por la tarde.”";
    let found = one(&lexicon, text, &[mention(text, "Ana Ruiz", "ana-ruiz", 0)]);
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 2, "{found:?}");
    assert_eq!(quoted[1].speaker, Speaker::Actor("ana-ruiz".into()));
    // An adverb in -ly between auxiliary and labelling verb keeps it passive.
    let text = "Roe was widely called “a traitor to the cause” by his rivals.";
    let found = one(&lexicon, text, &[mention(text, "Roe", "roe", 0)]);
    assert!(
        found
            .iter()
            .all(|s| s.speaker != Speaker::Actor("roe".into())),
        "{found:?}"
    );
}

#[test]
fn a_labelling_verb_just_before_a_quotation_binds_it_closer_than_a_verb_after() {
    let lexicon = Lexicon::builtin();
    let text =
        "Even as they praised what Roe called “a very special bond,” Doe hinted at the rifts.";
    let mentions = [
        mention(text, "Roe", "roe", 0),
        mention(text, "Doe", "doe", 0),
    ];
    let found = one(&lexicon, text, &mentions);
    assert_eq!(
        direct(&found)[0].speaker,
        Speaker::Actor("roe".into()),
        "{found:?}"
    );
}

#[test]
fn the_one_who_asks_does_not_say_the_answer() {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    let p1 = "Mayor Jo Ellery met the council. “It was a good talk,” Ellery said.";
    finder.paragraph(p1, &[mention(p1, "Ellery", "jo-ellery", 0)]);
    let p2 = "Ms. Ellery would not elaborate on what she meant by “good” when asked by a reporter. \
              “We have made no concessions at all,” she said. “None whatsoever, whatever they write.”";
    let mentions = [mention(p2, "Ellery", "jo-ellery", 0)];
    let found = finder.paragraph(p2, &mentions);
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 2, "{found:?}");
    assert!(
        quoted
            .iter()
            .all(|s| s.speaker == Speaker::Actor("jo-ellery".into())),
        "{found:?}"
    );
    assert!(quoted[1].continued);
    // A question is the asker's.
    let text = "“Will you resign?” she was asked by a reporter from the Lake Post.";
    let found = one(&lexicon, text, &[]);
    assert_eq!(
        direct(&found)[0].verb.as_deref(),
        Some("asked"),
        "{found:?}"
    );
}

#[test]
fn an_unnamed_attribution_after_a_quotation_yields_to_a_named_one_before_it() {
    let lexicon = Lexicon::builtin();
    let text = "Mr. Ost said the aim was to “keep the river clean for everyone,” an argument that pleased the mayor, who said the river was clean.";
    let found = one(&lexicon, text, &[mention(text, "Ost", "karl-ost", 0)]);
    assert_eq!(
        direct(&found)[0].speaker,
        Speaker::Actor("karl-ost".into()),
        "{found:?}"
    );
}

#[test]
fn a_quotation_may_open_with_a_bracket() {
    let lexicon = Lexicon::builtin();
    for text in [
        r#""[The ministry] will publish the figures next week," a spokesman said."#,
        "“[The ministry] will publish the figures next week,” a spokesman said.",
    ] {
        let found = one(&lexicon, text, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, StatementKind::Direct);
        assert!(found[0].text.starts_with("[The ministry]"));
        assert!(matches!(found[0].speaker, Speaker::Anonymous(_)));
    }
}

#[test]
fn a_role_noun_is_an_actor_only_through_its_titles() {
    let lexicon = Lexicon::builtin();
    let text = "Ana Vela met Piet Smit on Monday. “Taxes will not rise this year,” the prime minister said.";
    let mentions = [
        mention(text, "Ana Vela", "ana-vela", 0),
        mention(text, "Piet Smit", "piet-smit", 0),
    ];
    let title = |actor: &str| Title {
        words: "Prime Minister".into(),
        actor: actor.into(),
        person: true,
    };
    let found = QuoteFinder::new(&lexicon)
        .with_titles(vec![title("ana-vela")])
        .paragraph(text, &mentions);
    assert_eq!(direct(&found)[0].speaker, Speaker::Actor("ana-vela".into()));
    // No title: nobody, not the nearest name.
    let found = one(&lexicon, text, &mentions);
    assert_eq!(direct(&found)[0].speaker, Speaker::Unattributed);
    // A title two actors share names neither.
    let found = QuoteFinder::new(&lexicon)
        .with_titles(vec![title("ana-vela"), title("piet-smit")])
        .paragraph(text, &mentions);
    assert_eq!(direct(&found)[0].speaker, Speaker::Unattributed);
}

#[test]
fn a_named_speaker_without_an_actor_file_is_unlisted_in_either_order() {
    let lexicon = Lexicon::builtin();
    for text in [
        "“The figures are wrong in every table,” said a spokeswoman, Jane Doe.",
        "“The figures are wrong in every table,” said Jane Doe, a spokeswoman.",
        "Jane Doe, a spokeswoman, said the figures were “wrong in every single table”.",
        "“The figures are wrong in every table,” Ms. Jane Doe said.",
    ] {
        let found = one(&lexicon, text, &[]);
        assert_eq!(direct(&found)[0].speaker, unlisted("Jane Doe"), "{text}");
    }
    // After a clause naming others, ", said X" is X speaking.
    let text =
        "Ann Holt, Piet Smit and the rest would have signed the deal, said Tom Reed, a consultant.";
    assert_eq!(one(&lexicon, text, &[])[0].speaker, unlisted("Tom Reed"));
    // A surname alone, later in the same source, is the same speaker.
    let mut finder = QuoteFinder::new(&lexicon);
    finder.paragraph(
        "“The figures are wrong,” said Jane Doe, a spokeswoman.",
        &[],
    );
    let found = finder.paragraph("“We will correct them by Friday,” Doe said.", &[]);
    assert_eq!(found[0].speaker, unlisted("Jane Doe"));
}

#[test]
fn according_to_names_the_speaker_after_it() {
    let lexicon = Lexicon::builtin();
    let found = one(
        &lexicon,
        "According to Jane Doe, the harbour will reopen on Friday.",
        &[],
    );
    assert_eq!(found[0].kind, StatementKind::Indirect);
    assert_eq!(found[0].speaker, unlisted("Jane Doe"));
    let found = one(
        &lexicon,
        "The harbour will reopen on Friday, according to the port's director, Tom Reed.",
        &[],
    );
    assert_eq!(found[0].speaker, unlisted("Tom Reed"), "{found:?}");
}

#[test]
fn the_subject_of_the_verb_speaks_not_another_name_in_the_clause() {
    let lexicon = Lexicon::builtin();
    let text =
        "In a call with Piet Smit, Ana Vela said “the border stays open for trade and travel”.";
    let found = one(
        &lexicon,
        text,
        &[
            mention(text, "Piet Smit", "piet-smit", 0),
            mention(text, "Ana Vela", "ana-vela", 0),
        ],
    );
    assert_eq!(direct(&found)[0].speaker, Speaker::Actor("ana-vela".into()));
    let text = "Piet Smit, the envoy of Norland to Sudmark, said the talks had “gone better than anyone expected”.";
    let found = one(
        &lexicon,
        text,
        &[
            mention(text, "Norland", "norland", 2),
            mention(text, "Piet Smit", "piet-smit", 0),
        ],
    );
    assert_eq!(
        direct(&found)[0].speaker,
        Speaker::Actor("piet-smit".into())
    );
}

#[test]
fn a_name_inside_the_quoted_words_is_not_the_subject_of_the_clause_after_them() {
    let lexicon = Lexicon::builtin();
    let text = "“Northfield will deliver on time,” said Jo Roe at a press conference, adding: “The plant opens in May.”";
    let mentions = [
        mention(text, "Jo Roe", "jo-roe", 0),
        mention(text, "Northfield", "northfield", 1),
    ];
    let found = one(&lexicon, text, &mentions);
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 2, "{found:?}");
    assert!(
        quoted
            .iter()
            .all(|q| q.speaker == Speaker::Actor("jo-roe".into())),
        "{found:?}"
    );
    let text = "« Cet accord ouvre une nouvelle ère », a déclaré M. Lasalle lors d'une conférence de presse, ajoutant : « Les emplois resteront dans la région. »";
    let found = one(&lexicon, text, &[mention(text, "Lasalle", "lasalle", 0)]);
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 2, "{found:?}");
    assert!(
        quoted
            .iter()
            .all(|q| q.speaker == Speaker::Actor("lasalle".into())),
        "{found:?}"
    );
}

#[test]
fn a_pronoun_joined_to_the_verb_after_a_quotation_is_its_speaker() {
    let lexicon = Lexicon::builtin();
    let text = "« Nous signerons demain matin », a déclaré Ana Ruiz. « Rien n'est caché dans ce texte », a-t-elle assuré.";
    let found = one(&lexicon, text, &[mention(text, "Ana Ruiz", "ana-ruiz", 0)]);
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 2, "{found:?}");
    assert_eq!(
        quoted[1].verb.as_deref(),
        Some("a-t-elle assuré"),
        "{found:?}"
    );
    assert_eq!(
        quoted[1].speaker,
        Speaker::Actor("ana-ruiz".into()),
        "{found:?}"
    );
}

/// Every compound verb of French is read inverted too, not only the ones
/// listed so: "a-t-elle prévenu" as "a prévenu" is.
#[test]
fn a_compound_french_verb_is_read_inverted_with_its_pronoun() {
    let lexicon = Lexicon::builtin();
    let text = "« Le quai ferme lundi », a annoncé Mme Lou Perrin. « Les bateaux iront \
                ailleurs », a-t-elle prévenu. « Personne ne sera payé », a-t-elle regretté.";
    let found = one(
        &lexicon,
        text,
        &[mention(text, "Lou Perrin", "lou-perrin", 0)],
    );
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 3, "{found:?}");
    assert_eq!(quoted[1].verb.as_deref(), Some("a-t-elle prévenu"));
    assert_eq!(quoted[2].verb.as_deref(), Some("a-t-elle regretté"));
    for quote in &quoted {
        assert_eq!(
            quote.speaker,
            Speaker::Actor("lou-perrin".into()),
            "{found:?}"
        );
    }
}

/// Italian and Portuguese attribute as the other languages do, and a verb
/// with no subject written ("Ha aggiunto che …", "Añadió que …") speaks for
/// the one the sentence before named.
#[test]
fn italian_portuguese_and_a_dropped_subject_are_attributed() {
    let lexicon = Lexicon::builtin();
    for (text, name, slug) in [
        (
            "«Il molo chiude lunedì», ha dichiarato Lia Conti. Ha aggiunto che la città \
             resta «aperta al dialogo».",
            "Lia Conti",
            "lia-conti",
        ),
        (
            "«O cais fecha na segunda», disse Rui Matos. Acrescentou que a cidade fica \
             «aberta ao diálogo».",
            "Rui Matos",
            "rui-matos",
        ),
        (
            "«El muelle cierra el lunes», dijo Ana Ruiz. Añadió que la ciudad sigue \
             «abierta al diálogo».",
            "Ana Ruiz",
            "ana-ruiz",
        ),
    ] {
        let found = one(&lexicon, text, &[mention(text, name, slug, 0)]);
        assert_eq!(found.len(), 2, "{text}: {found:?}");
        for quote in &found {
            assert_eq!(
                quote.speaker,
                Speaker::Actor(slug.into()),
                "{text}: {found:?}"
            );
        }
    }
    // Secondo X: the speaker follows the verb.
    let text = "Secondo Lia Conti, il molo chiuderà lunedì.";
    let found = one(
        &lexicon,
        text,
        &[mention(text, "Lia Conti", "lia-conti", 0)],
    );
    assert_eq!(
        found[0].speaker,
        Speaker::Actor("lia-conti".into()),
        "{found:?}"
    );
}

/// "Roe slammed the plan as “a farce”", "Roux a fustigé une décision
/// « absurde »": verbs of judging put the quoted word in their subject's mouth.
#[test]
fn a_verb_of_judging_before_a_quoted_word_makes_it_its_subjects() {
    let lexicon = Lexicon::builtin();
    for (text, name, slug) in [
        (
            "Tom Reed slammed the plan as “a farce” on Monday.",
            "Tom Reed",
            "tom-reed",
        ),
        (
            "Mme Lou Perrin a fustigé une décision « absurde ».",
            "Lou Perrin",
            "lou-perrin",
        ),
        (
            "Le maire, Paul Roux, a appelé les deux camps à « se parler ».",
            "Paul Roux",
            "paul-roux",
        ),
    ] {
        let found = one(&lexicon, text, &[mention(text, name, slug, 0)]);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(
            found[0].speaker,
            Speaker::Actor(slug.into()),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_gendered_pronoun_goes_back_past_a_speaker_it_cannot_be() {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    let p1 = "“The budget is short this year,” Ms. Lena Marsh said.";
    finder.paragraph(p1, &[mention(p1, "Lena Marsh", "lena-marsh", 0)]);
    let p2 = "“We will cut nothing at all,” replied a spokesman for the council, Ivo Brandt.";
    finder.paragraph(p2, &[mention(p2, "Ivo Brandt", "ivo-brandt", 0)]);
    let found = finder.paragraph("“Then the school will close in May,” she said.", &[]);
    assert_eq!(found[0].speaker, Speaker::Actor("lena-marsh".into()));
    let found = finder.paragraph("“The school will stay open,” he said.", &[]);
    assert_eq!(found[0].speaker, Speaker::Actor("ivo-brandt".into()));
    // Where the text does not tell a gender, the pronoun is the latest speaker's.
    let p3 = "“The school is ours,” said Jo Roe.";
    finder.paragraph(p3, &[mention(p3, "Jo Roe", "jo-roe", 0)]);
    let found = finder.paragraph("“It stays open,” she said.", &[]);
    assert_eq!(found[0].speaker, Speaker::Actor("jo-roe".into()));

    // No one "he" can be: no one, rather than the woman who spoke last.
    let text = "“It is late in the day,” Ms. Lena Marsh said. “We go home now,” he said.";
    let found = one(
        &lexicon,
        text,
        &[mention(text, "Lena Marsh", "lena-marsh", 0)],
    );
    assert_eq!(direct(&found)[1].speaker, Speaker::Unattributed);

    // Unlisted speakers and unnamed ones tell theirs by their own words.
    let text = "“We sign tomorrow morning,” said a spokeswoman. “The text is final,” Mr. Tom Reed \
                said. “Nothing is hidden in it,” she added.";
    let found = one(&lexicon, text, &[]);
    assert_eq!(
        direct(&found)[2].speaker,
        Speaker::Anonymous("a spokeswoman".into()),
        "{found:?}"
    );

    // In French, the pronoun joined to the verb.
    let text = "« Nous signerons demain », a déclaré Mme Amina Benali. « Le contrat est prêt », \
                a affirmé M. Paul Werner. « Rien n'est caché », a-t-elle assuré.";
    let mentions = [
        mention(text, "Amina Benali", "amina-benali", 0),
        mention(text, "Paul Werner", "paul-werner", 0),
    ];
    let found = one(&lexicon, text, &mentions);
    assert_eq!(
        direct(&found)[2].speaker,
        Speaker::Actor("amina-benali".into()),
        "{found:?}"
    );
}

#[test]
fn a_name_set_off_after_a_description_is_the_one_who_speaks() {
    let lexicon = Lexicon::builtin();
    let text =
        "According to the chief executive of Northfield, Jo Roe, the plant will open in May.";
    let mentions = [
        mention(text, "Jo Roe", "jo-roe", 0),
        mention(text, "Northfield", "northfield", 1),
    ];
    let found = one(&lexicon, text, &mentions);
    assert_eq!(
        found[0].speaker,
        Speaker::Actor("jo-roe".into()),
        "{found:?}"
    );
    let text = "Selon le directeur général de Ferrex, Paul Werner, l'investissement atteindra 800 millions d'euros.";
    let mentions = [
        mention(text, "Paul Werner", "paul-werner", 0),
        mention(text, "Ferrex", "ferrex", 1),
    ];
    let found = one(&lexicon, text, &mentions);
    assert_eq!(
        found[0].speaker,
        Speaker::Actor("paul-werner".into()),
        "{found:?}"
    );
    // A name that begins the clause after the comma is not set off.
    let text = "According to the ministry, Northfield will open the plant in May.";
    let found = one(
        &lexicon,
        text,
        &[mention(text, "Northfield", "northfield", 1)],
    );
    assert!(
        found
            .iter()
            .all(|s| s.speaker != Speaker::Actor("northfield".into())),
        "{found:?}"
    );
}

#[test]
fn every_quotation_of_one_long_sentence_finds_its_own_attribution() {
    // One sentence of 600 quotations, each with its verb and speaker beside it:
    // a clause is read near its quotation, so the last is read as the first.
    let lexicon = Lexicon::builtin();
    let text = (0..600)
        .map(|i| format!("“Acme will deliver part {i} on time” said Jo Roe"))
        .collect::<Vec<_>>()
        .join(", ")
        + ".";
    let found = one(&lexicon, &text, &[]);
    let quoted = direct(&found);
    assert_eq!(quoted.len(), 600);
    assert!(
        quoted
            .iter()
            .all(|q| q.speaker == Speaker::Unlisted("Jo Roe".into())),
        "{:?}",
        quoted
            .iter()
            .find(|q| q.speaker != Speaker::Unlisted("Jo Roe".into()))
    );
}

#[test]
fn a_participle_that_opens_the_sentence_or_has_no_speaker_yet_takes_the_subject() {
    let lexicon = Lexicon::builtin();
    let text = "Calling it an “open attack on our farms and towns,” the Farmers Union filed a \
                suit in the district court.";
    let found = one(
        &lexicon,
        text,
        &[mention(text, "Farmers Union", "union", 1)],
    );
    assert_eq!(
        found[0].speaker,
        Speaker::Actor("union".into()),
        "{found:?}"
    );
    assert_eq!(found[0].verb.as_deref(), Some("Calling"));

    // After a comma, with no speaker yet: the sentence's subject, not its object.
    let text = "Softening his tone, Jo Roe praised Ivo Brandt at length, calling the \
                mayor “a careful and very honest man.”";
    let mentions = [
        mention(text, "Jo Roe", "jo-roe", 0),
        mention(text, "Ivo Brandt", "ivo-brandt", 0),
    ];
    let found = one(&lexicon, text, &mentions);
    assert_eq!(
        found[0].speaker,
        Speaker::Actor("jo-roe".into()),
        "{found:?}"
    );

    // A participle opening the sentence takes its object; the subject follows
    // the comma: "Receiving Ivo Brandt …, Jo Roe praised …, calling …".
    let text = "Receiving Ivo Brandt for a visit, Jo Roe praised the plan at length, calling \
                it “a careful and very honest piece of work.”";
    let mentions = [
        mention(text, "Ivo Brandt", "ivo-brandt", 0),
        mention(text, "Jo Roe", "jo-roe", 0),
    ];
    let found = one(&lexicon, text, &mentions);
    assert_eq!(
        found[0].speaker,
        Speaker::Actor("jo-roe".into()),
        "{found:?}"
    );

    // Without a quotation, the same: the subject accuses, and then speaks again.
    let mut finder = QuoteFinder::new(&lexicon);
    let p1 = "“It is a bad deal for the valley,” said Tom Reed.";
    finder.paragraph(p1, &[mention(p1, "Tom Reed", "reed", 0)]);
    let p2 = "Former Governor Ann Holt went even further, essentially saying that the mayor had \
              failed. “It is so careless that he would trust them with the dam,” she said.";
    let found = finder.paragraph(p2, &[mention(p2, "Ann Holt", "holt", 0)]);
    assert_eq!(found[0].kind, StatementKind::Indirect, "{found:?}");
    assert_eq!(found[0].speaker, Speaker::Actor("holt".into()), "{found:?}");
    assert_eq!(found[1].speaker, Speaker::Actor("holt".into()), "{found:?}");
}

#[test]
fn a_party_and_state_label_after_a_name_is_not_the_speaker() {
    let lexicon = Lexicon::builtin();
    for (text, name) in [
        (
            "Sen. Ted Ray, R-Ohio, said the prison system was broken and needed an overhaul.",
            "Ted Ray",
        ),
        (
            "Rep. Mia Fox, D-N.Y., said in a statement that the guards had failed the public.",
            "Mia Fox",
        ),
    ] {
        let found = one(&lexicon, text, &[]);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(
            found[0].speaker,
            Speaker::Unlisted(name.into()),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_passive_speech_verb_and_a_means_are_not_speech() {
    let lexicon = Lexicon::builtin();
    for text in [
        "Jo Roe, 31, is charged with five counts of falsifying records.",
        "Ann Lee responded by hitting Jo Roe with a chair during the hearing.",
        "Al Moss was told to leave the building before noon.",
    ] {
        let found = one(&lexicon, text, &[]);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    // The same verbs, active, are still speech.
    let text = "Ann Lee responded that the building would close at noon.";
    let found = one(&lexicon, text, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker, Speaker::Unlisted("Ann Lee".into()));
}

#[test]
fn a_denied_statement_and_an_alleged_thing_are_not_speech() {
    let lexicon = Lexicon::builtin();
    for text in [
        "Jo Roe never wrote that the council had misled anyone.",
        "Ann Lee did not say whether the bridge would reopen.",
        "Al Moss didn't immediately respond to the letter.",
        "The files detail the mayor's alleged demands for loyalty from the clerk.",
    ] {
        let found = one(&lexicon, text, &[]);
        assert!(found.is_empty(), "{text}: {found:?}");
    }
    for text in [
        "Jo Roe wrote that the council had misled everyone.",
        // A pronoun's "has", not a possessive.
        "Jo Roe spoke last. She's said that the council had misled everyone.",
    ] {
        let found = one(&lexicon, text, &[mention(text, "Jo Roe", "roe", 0)]);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(found[0].speaker, Speaker::Actor("roe".into()));
    }
}

#[test]
fn speech_reported_inside_a_quotation_is_the_quoted_speakers() {
    let lexicon = Lexicon::builtin();
    // Roe's memo reports what the mayor said: one quotation, Roe's; the
    // mayor's words inside it make no statement of the outlet's.
    let text = "“He then said he was grateful, and added that the council had done well. \
                I replied that I would check,” Jo Roe wrote of the meeting.";
    let found = one(&lexicon, text, &[mention(text, "Jo Roe", "roe", 0)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, StatementKind::Direct);
    assert_eq!(found[0].speaker, Speaker::Actor("roe".into()));
}

#[test]
fn a_name_after_a_preposition_in_the_subject_is_not_the_speaker() {
    let lexicon = Lexicon::builtin();
    let cases = [
        "“The talks went well,” a spokesman for Jo Roe told reporters.",
        "One adviser close to Jo Roe said the plan was “a disaster for everyone.”",
        "“We will appeal the ruling,” the lawyers of the three farmers who sued Jo Roe said.",
    ];
    for text in cases {
        let found = one(&lexicon, text, &[mention(text, "Jo Roe", "roe", 0)]);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_ne!(
            found[0].speaker,
            Speaker::Actor("roe".into()),
            "{text}: {found:?}"
        );
    }
    // A spokesman is a speaker of his own kind.
    let text = cases[0];
    let found = one(&lexicon, text, &[mention(text, "Jo Roe", "roe", 0)]);
    assert_eq!(found[0].speaker, Speaker::Anonymous("a spokesman".into()));
    // After a name, "of" and the name after it stay as they were read.
    let text = "“We will appeal,” Secretary of State Jo Roe said.";
    let found = one(&lexicon, text, &[mention(text, "Jo Roe", "roe", 0)]);
    assert_eq!(found[0].speaker, Speaker::Actor("roe".into()));
}

#[test]
fn a_role_of_someone_named_in_the_possessive_is_not_them() {
    let lexicon = Lexicon::builtin();
    let text = "The two sides have traded messages “back and forth,” according to Jo Roe's outside counsel.";
    let found = one(&lexicon, text, &[mention(text, "Jo Roe", "roe", 0)]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_ne!(found[0].speaker, Speaker::Actor("roe".into()), "{found:?}");
}

#[test]
fn a_role_spelled_another_way_is_the_one_the_article_gave() {
    let lexicon = Lexicon::builtin();
    let mut finder = QuoteFinder::new(&lexicon);
    let p1 = "Rep. Jo Roe criticised the plan on Monday.";
    finder.paragraph(p1, &[mention(p1, "Jo Roe", "roe", 0)]);
    let p2 = "“It is a mess,” the congresswoman added.";
    let found = finder.paragraph(p2, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].speaker, Speaker::Actor("roe".into()));
}
