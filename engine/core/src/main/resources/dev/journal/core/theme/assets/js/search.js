/* Journal: search in the browser over search-index.json, which the engine writes at bake time
   (see SearchIndexGenerator and SearchTerms in the engine; the word rules here must match them).
   No framework, no server: the index is fetched once from the static site, queries run locally.
   Each query is timed with performance.measure('journal-search'). */
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  if (!form || !window.fetch) return;
  var input = document.getElementById('search-input');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var root = form.getAttribute('data-root') || '';
  var PAGE = 20;
  var MAX_EXPANSIONS = 50;
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var VALUE = new Int8Array(128);
  for (var i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;
  var WORD = /[\p{L}\p{Nd}]/u;
  var MARK = /\p{M}/u;

  var index = null;
  var stop = new Set();
  var english = false;
  var shown = 0;
  var current = [];
  var currentTerms = new Set();
  var announce = 0;

  form.hidden = false;

  /* ---- words, as SearchTerms makes them */

  function stem(w) {
    if (w.length <= 3) return w;
    if (/ies$/.test(w) && !/[ea]ies$/.test(w)) return w.slice(0, -3) + 'y';
    if (/es$/.test(w) && !/[aeo]es$/.test(w)) return w.slice(0, -1);
    if (/s$/.test(w) && !/(us|ss|is)$/.test(w)) return w.slice(0, -1);
    return w;
  }

  /* Words of a text: [{raw, term}] where term is null for stop words and one-letter words. */
  function words(text) {
    var out = [];
    var w = '';
    function push() {
      if ([...w].length >= 2) out.push({ raw: w, term: stop.has(w) ? null : (english ? stem(w) : w) });
      w = '';
    }
    for (var ch of text.normalize('NFKD').toLowerCase()) {
      if (WORD.test(ch)) w += ch;
      else if (!MARK.test(ch)) push();
    }
    push();
    return out;
  }

  /* ---- the index */

  function lowerBound(terms, key) {
    var lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (terms[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* Reads one base-64 variable-length number at pos[0]. */
  function number(s, pos) {
    var v = 0, shift = 0, d;
    do {
      d = VALUE[s.charCodeAt(pos[0]++)];
      v |= (d & 31) << shift;
      shift += 5;
    } while (d >= 32);
    return v;
  }

  function frequency(t) {
    return number(index.postings[t], [0]);
  }

  /* The terms one query word stands for: itself, and for the word being typed, the terms it begins. */
  function candidates(word, typing) {
    var terms = index.terms;
    var found = [];
    if (word.term !== null) {
      var at = lowerBound(terms, word.term);
      if (terms[at] === word.term) found.push({ t: at, boost: 1 });
    }
    if (typing) {
      var prefix = word.term !== null ? word.term : word.raw;
      var more = [];
      for (var k = lowerBound(terms, prefix); k < terms.length && terms[k].startsWith(prefix); k++) {
        if (terms[k] !== word.term) more.push(k);
      }
      if (more.length > MAX_EXPANSIONS) {
        more.sort(function (a, b) { return frequency(b) - frequency(a); });
        more.length = MAX_EXPANSIONS;
      }
      more.forEach(function (k) { found.push({ t: k, boost: 0.7 }); });
    }
    return found;
  }

  /* Documents with every query word first, each group by BM25F score (weights baked in the index). */
  function search(query) {
    var all = words(query);
    var typing = /[\p{L}\p{Nd}]$/u.test(query);
    var groups = [];
    all.forEach(function (w, k) {
      var last = typing && k === all.length - 1;
      if (w.term === null && !last) return;
      var c = candidates(w, last);
      if (c.length || w.term !== null) groups.push(c);
    });
    var n = index.docs.length;
    var score = new Float64Array(n);
    var hits = new Uint8Array(n);
    var seen = new Int32Array(n);
    var touched = [];
    var matched = new Set();
    groups.forEach(function (group, g) {
      group.forEach(function (c) {
        var s = index.postings[c.t];
        var pos = [0];
        var df = number(s, pos);
        var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * c.boost;
        var doc = -1;
        matched.add(index.terms[c.t]);
        while (pos[0] < s.length) {
          doc += number(s, pos) + 1;
          var weight = VALUE[s.charCodeAt(pos[0]++)];
          if (hits[doc] === 0) touched.push(doc);
          if (seen[doc] !== g + 1) { seen[doc] = g + 1; hits[doc]++; }
          score[doc] += idf * weight;
        }
      });
    });
    touched.sort(function (a, b) { return hits[b] - hits[a] || score[b] - score[a] || a - b; });
    var complete = touched.filter(function (d) { return hits[d] === groups.length; });
    return { docs: complete.length ? complete : touched, complete: complete.length > 0 || groups.length === 0,
      terms: matched, groups: groups.length };
  }

  /* ---- results */

  /* Text with the words that matched the query in <mark>, built as DOM nodes (never as HTML). */
  function highlighted(parent, text) {
    var re = /[\p{L}\p{Nd}\p{M}]+/gu;
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      var w = words(m[0]);
      if (w.length === 1 && w[0].term !== null && currentTerms.has(w[0].term)) {
        parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement('mark');
        mark.textContent = m[0];
        parent.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function item(d) {
    var doc = index.docs[d];
    var li = document.createElement('li');
    li.className = 'result';
    var h = document.createElement('h2');
    h.className = 'result-title';
    var a = document.createElement('a');
    a.href = root + doc[0];
    if (doc[6]) a.lang = doc[6]; // a document in another language than the site's
    highlighted(a, doc[1]);
    h.appendChild(a);
    li.appendChild(h);
    var by = [];
    if (doc[3].length) by.push('By ' + names(doc[3].map(function (k) { return index.authors[k]; })));
    if (doc[2]) by.push(doc[2]);
    if (by.length) {
      var p = document.createElement('p');
      p.className = 'byline';
      p.textContent = by.join(' · ');
      li.appendChild(p);
    }
    if (doc[5]) {
      var s = document.createElement('p');
      s.className = 'summary';
      if (doc[6]) s.lang = doc[6];
      highlighted(s, doc[5]);
      li.appendChild(s);
    }
    if (doc[4].length) {
      var t = document.createElement('p');
      t.className = 'result-tags';
      highlighted(t, doc[4].map(function (k) { return index.tags[k]; }).join(' · '));
      li.appendChild(t);
    }
    return li;
  }

  function names(list) {
    if (list.length < 2) return list.join('');
    return list.slice(0, -1).join(', ') + ' and ' + list[list.length - 1];
  }

  function showMore() {
    var more = current.slice(shown, shown + PAGE);
    more.forEach(function (d) { list.appendChild(item(d)); });
    shown += more.length;
    var button = document.getElementById('search-more');
    if (button) button.parentNode.removeChild(button);
    if (shown < current.length) {
      var b = document.createElement('button');
      b.type = 'button';
      b.id = 'search-more';
      b.className = 'search-more';
      b.textContent = 'Show more results';
      b.addEventListener('click', function () {
        var first = shown;
        showMore();
        var link = list.children[first] && list.children[first].querySelector('a');
        if (link) link.focus();
      });
      list.parentNode.insertBefore(b, list.nextSibling);
    }
  }

  function describe(query, result) {
    var n = result.docs.length;
    if (!query.trim()) return '';
    if (n === 0) return 'No results for “' + query.trim() + '”.';
    var count = n === 1 ? '1 result' : n + ' results';
    if (!result.complete) return 'No page has all the words; ' + count + ' with some of them.';
    return count + ' for “' + query.trim() + '”.';
  }

  function run() {
    if (!index) return;
    var query = input.value;
    performance.mark('journal-search-start');
    var result = query.trim() ? search(query) : { docs: [], complete: true, terms: new Set(), groups: 0 };
    current = result.docs;
    currentTerms = result.terms;
    list.textContent = '';
    shown = 0;
    showMore();
    performance.measure('journal-search', 'journal-search-start');
    // The live region is updated once typing pauses, so screen readers announce one count, not every keystroke.
    clearTimeout(announce);
    var text = describe(query, result);
    announce = setTimeout(function () {
      status.textContent = text;
      var url = new URL(location.href);
      if (query.trim()) url.searchParams.set('q', query.trim()); else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    }, 400);
  }

  function load() {
    status.textContent = 'Loading the search index…';
    fetch(form.getAttribute('data-index'))
      .then(function (r) {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.json();
      })
      .then(function (data) {
        index = data;
        stop = new Set(data.stop);
        english = data.stem === 'en-s';
        status.textContent = '';
        run();
      })
      .catch(function () {
        status.textContent = location.protocol === 'file:'
          ? 'Search cannot load its index from a file on your computer (browsers do not allow it). Serve the site over HTTP, for example with “journal serve”.'
          : 'The search index could not be loaded. Please try again later.';
      });
  }

  /* ---- keyboard: arrows move between the box and the results, Escape goes back and clears */

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll('.result-title a'));
  }

  input.addEventListener('input', run);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') {
      var l = links();
      if (l.length) { e.preventDefault(); l[0].focus(); }
    } else if (e.key === 'Escape' && input.value) {
      e.preventDefault();
      input.value = '';
      run();
    }
  });
  list.addEventListener('keydown', function (e) {
    var l = links();
    var at = l.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === 'ArrowDown' && at + 1 < l.length) { e.preventDefault(); l[at + 1].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (at > 0 ? l[at - 1] : input).focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    run();
    var l = links();
    if (l.length) l[0].focus();
  });

  var q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q;
  load();
})();
