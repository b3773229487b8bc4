/* dossier offline search. The index is split into scripts under search/
   (search/index.js, the manifest, then term and entry shards) so that it loads
   from file:// too, where fetch() of a local file is refused, and so that a
   query loads only the shards it needs. Results are built with textContent:
   nothing from the index is ever parsed as HTML. */
(function () {
  'use strict';
  var index = window.dossierSearchIndex;
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!index || !input || !status || !list) { return; }
  document.documentElement.className += ' has-search';

  /* Shards are loaded relative to the manifest's own tag, so the page works
     from disk, a sub-path or a domain root alike. */
  var manifestTag = document.querySelector('script[src$="search/index.js"]');
  var folder = manifestTag ? manifestTag.getAttribute('src').replace(/index\.js$/, '') : 'search/';
  var shards = {};
  var loading = {};
  window.dossierSearch = { add: function (name, data) { shards[name] = data; } };

  /* A shard's data, once its script has run; a script tag because file://
     allows scripts but not fetch(). */
  function load(name) {
    if (shards[name]) { return Promise.resolve(shards[name]); }
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var tag = document.createElement('script');
        tag.src = folder + name + '.js';
        tag.onload = function () {
          if (shards[name]) { resolve(shards[name]); } else { fail(); }
        };
        function fail() {
          delete loading[name];
          tag.remove();
          reject(new Error('could not load ' + tag.src));
        }
        tag.onerror = fail;
        document.head.appendChild(tag);
      });
    }
    return loading[name];
  }

  var total = index.total;
  var kinds = { source: 'Source', paragraph: 'Paragraph', actor: 'Actor', note: 'Note' };

  /* The same words the generator indexed: letters and digits of any script,
     lower-cased before the text is split. */
  function tokens(text) {
    return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (w) {
      return Array.from(w).length >= 2;
    });
  }

  /* The first position in the sorted `items` (mapped by `key`) not below `value`. */
  function firstAtLeast(items, value, key) {
    var lo = 0, hi = items.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (key(items[mid]) < value) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }
  function self(x) { return x; }
  function termOf(item) { return item[0]; }

  /* The term shards that can hold a word or a longer word it begins: those
     whose range of terms, first to last, meets the words that begin with it. */
  function termShards(word) {
    var names = [];
    index.terms.forEach(function (range, i) {
      if (range[1] >= word && (range[0] < word || range[0].indexOf(word) === 0)) { names.push('t' + i); }
    });
    return names;
  }

  /* Entry → score for every indexed word starting with `word`, from its
     loaded shards. A word's postings may be spread over several shards, each
     piece counting entries up from zero: they are gathered before weighing. */
  function matches(word, loaded) {
    var postings = new Map();
    loaded.forEach(function (items) {
      for (var k = firstAtLeast(items, word, termOf); k < items.length && items[k][0].indexOf(word) === 0; k++) {
        var term = items[k][0], list = items[k][1], entry = 0;
        if (!postings.has(term)) { postings.set(term, []); }
        var into = postings.get(term);
        for (var i = 0; i < list.length; i += 2) {
          entry += list[i];
          into.push(entry, list[i + 1]);
        }
      }
    });
    var scores = new Map();
    postings.forEach(function (list, term) {
      var idf = Math.log(1 + total / (list.length / 2));
      var exact = term === word ? 2 : 1;
      for (var i = 0; i < list.length; i += 2) {
        scores.set(list[i], (scores.get(list[i]) || 0) + list[i + 1] * idf * exact);
      }
    });
    return scores;
  }

  /* The words of `query` and its hits, best first, once the shards are in. */
  function search(query) {
    var words = tokens(query);
    if (!words.length) { return Promise.resolve({ words: words, hits: [] }); }
    return Promise.all(words.map(function (word) {
      return Promise.all(termShards(word).map(load));
    })).then(function (perWord) {
      var combined = null;
      words.forEach(function (word, w) {
        var found = matches(word, perWord[w]);
        if (combined === null) { combined = found; return; }
        var next = new Map();
        combined.forEach(function (score, entry) {
          if (found.has(entry)) { next.set(entry, score + found.get(entry)); }
        });
        combined = next;
      });
      var hits = Array.from(combined.entries()).sort(function (a, b) {
        return b[1] - a[1] || a[0] - b[0];
      });
      return { words: words, hits: hits };
    });
  }

  /* The entries shown, from only the entry shards that hold them. */
  function entries(ids) {
    var starts = index.entries;
    var shardOf = ids.map(function (id) { return firstAtLeast(starts, id + 1, self) - 1; });
    return Promise.all(shardOf.map(function (s) { return load('e' + s); })).then(function (loaded) {
      return ids.map(function (id, k) { return loaded[k][id - starts[shardOf[k]]]; });
    });
  }

  /* Up to 240 characters around the first matched word, with the words marked. */
  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    words.forEach(function (w) {
      var i = lower.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) { at = i; }
    });
    var start = Math.max(0, at - 80);
    var piece = text.slice(start, start + 240);
    var p = document.createElement('p');
    p.className = 'search-snippet';
    if (start > 0) { p.appendChild(document.createTextNode('… ')); }
    var pattern = new RegExp('(' + words.map(function (w) {
      return w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }).join('|') + ')', 'giu');
    var last = 0, m;
    while ((m = pattern.exec(piece)) !== null) {
      if (m[0] === '') { pattern.lastIndex++; continue; }
      p.appendChild(document.createTextNode(piece.slice(last, m.index)));
      var mark = document.createElement('mark');
      mark.textContent = m[0];
      p.appendChild(mark);
      last = m.index + m[0].length;
    }
    p.appendChild(document.createTextNode(piece.slice(last)));
    if (start + 240 < text.length) { p.appendChild(document.createTextNode(' …')); }
    return p;
  }

  /* Only the latest query's results are shown: shards load out of order. */
  var latest = 0;
  function show(query) {
    var asked = ++latest;
    var words;
    var hits;
    return search(query).then(function (result) {
      words = result.words;
      hits = result.hits;
      return entries(hits.slice(0, 50).map(function (hit) { return hit[0]; }));
    }).then(function (shown) {
      if (asked !== latest) { return; }
      list.textContent = '';
      shown.forEach(function (entry) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = entry.url;
        a.textContent = entry.title;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = ' (' + (kinds[entry.kind] || entry.kind) + ')';
        li.appendChild(a);
        li.appendChild(kind);
        if (entry.text) {
          var p = snippet(entry.text, words);
          if (entry.dir) { p.dir = entry.dir; }
          li.appendChild(p);
        }
        list.appendChild(li);
      });
      if (!words.length) {
        status.textContent = 'Type a word to search sources, actors and notes.';
      } else if (!hits.length) {
        status.textContent = 'No results for “' + query + '”.';
      } else {
        status.textContent = hits.length + (hits.length === 1 ? ' result' : ' results') +
          ' for “' + query + '”' + (hits.length > shown.length ? ', the first ' + shown.length + ' shown.' : '.');
      }
    }, function () {
      if (asked !== latest) { return; }
      list.textContent = '';
      status.textContent = 'The search index could not be loaded. Browse the A–Z index instead.';
    });
  }

  var pending = 0;
  input.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      show(input.value);
      try { history.replaceState(null, '', '?q=' + encodeURIComponent(input.value)); } catch (e) { /* file:// may refuse */ }
    }, 120);
  });
  input.form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(input.value);
  });

  /* Arrow keys move between the input and the results; Escape returns. */
  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown' && links().length) { event.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener('keydown', function (event) {
    var all = links();
    var i = all.indexOf(document.activeElement);
    if (i < 0) { return; }
    if (event.key === 'ArrowDown' && i + 1 < all.length) { event.preventDefault(); all[i + 1].focus(); }
    if (event.key === 'ArrowUp') { event.preventDefault(); (i > 0 ? all[i - 1] : input).focus(); }
    if (event.key === 'Escape') { event.preventDefault(); input.focus(); }
  });

  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) { input.value = initial; show(initial); }
})();
