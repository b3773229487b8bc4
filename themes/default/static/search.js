/* dossier offline search. The index is a script (search-index.js) so that it
   loads from file:// too. Results are built with textContent: nothing from the
   index is ever parsed as HTML. */
(function () {
  'use strict';
  var data = window.dossierSearch;
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!data || !input || !status || !list) { return; }
  document.documentElement.className += ' has-search';

  var keys = Object.keys(data.terms).sort();
  var total = data.entries.length;
  var kinds = { source: 'Source', paragraph: 'Paragraph', actor: 'Actor', note: 'Note' };

  /* The same words the generator indexed: letters and digits of any script. */
  function tokens(text) {
    return text.toLowerCase().split(/[^\p{Alphabetic}\p{N}]+/u).filter(function (w) {
      return Array.from(w).length >= 2;
    });
  }

  function firstAtLeast(word) {
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  /* Entry → score for every indexed word starting with `word`. */
  function matches(word) {
    var scores = new Map();
    for (var k = firstAtLeast(word); k < keys.length && keys[k].indexOf(word) === 0; k++) {
      var postings = data.terms[keys[k]];
      var idf = Math.log(1 + total / (postings.length / 2));
      var exact = keys[k] === word ? 2 : 1;
      for (var i = 0; i < postings.length; i += 2) {
        var add = postings[i + 1] * idf * exact;
        scores.set(postings[i], (scores.get(postings[i]) || 0) + add);
      }
    }
    return scores;
  }

  function search(query) {
    var words = tokens(query);
    if (!words.length) { return { words: words, hits: [] }; }
    var combined = null;
    words.forEach(function (word) {
      var found = matches(word);
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

  function show(query) {
    var result = search(query);
    list.textContent = '';
    var shown = result.hits.slice(0, 50);
    shown.forEach(function (hit) {
      var entry = data.entries[hit[0]];
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
        var p = snippet(entry.text, result.words);
        if (entry.dir) { p.dir = entry.dir; }
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    if (!result.words.length) {
      status.textContent = 'Type a word to search sources, actors and notes.';
    } else if (!result.hits.length) {
      status.textContent = 'No results for “' + query + '”.';
    } else {
      status.textContent = result.hits.length + (result.hits.length === 1 ? ' result' : ' results') +
        ' for “' + query + '”' + (result.hits.length > shown.length ? ', the first ' + shown.length + ' shown.' : '.');
    }
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
