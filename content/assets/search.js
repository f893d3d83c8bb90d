/* The page "Søg" (soeg/): searches the site and shows the results.
 *
 * Loaded by the search page only, so no other page downloads anything for the search. The
 * header's form on every page sends its words here as ?q=...; this script reads them, asks
 * Pagefind (pagefind/pagefind.js, its index written by the build: generator/mkdocs/search.py)
 * and lists the results. Opened from disk (the preview, file://), where Pagefind cannot fetch
 * its files, it loads the build's light index (pagefind/jobsite-preview.js) and searches that.
 *
 * Everything shown is built with DOM APIs and textContent: titles, places and excerpts come
 * from content and are never parsed as HTML. The excerpt is cut from the page's text by the
 * positions of the matching words, which are marked with <mark> elements made here.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var form = document.getElementById("jobsite-searchpage");
  var field = document.getElementById("jobsite-searchpage-q");
  var status = document.getElementById("jobsite-searchpage-status");
  var list = document.getElementById("jobsite-searchpage-results");
  if (!script || !form || !field || !status || !list) return;

  var bundle = new URL("../pagefind/", script.src);
  var siteRoot = new URL("../", script.src);
  var options = {};
  try { options = JSON.parse(status.getAttribute("data-options") || "{}"); } catch (e) { options = {}; }
  var PAGE = 8;        // results shown at a time: each loads its page's fragment (~2.5 KB) from the index
  var EXCERPT = 30;    // words in an excerpt
  var engine = null;   // a promise of {search(q) -> Promise<{total, page(from, to) -> Promise<[result]>}>}
  var latest = 0;      // the newest search; an older one that ends later is not shown

  status.textContent = "";

  // --- text helpers -----------------------------------------------------------------------

  function wordsOf(text) {
    return text.split(/[\r\n\s]+/).filter(function (w) { return w !== ""; });
  }

  // The start of an excerpt: a few words before the first match of the densest run of matches,
  // after the page's title (shown above it): `from` words in.
  function excerptStart(locations, count, from) {
    locations = locations.filter(function (l) { return l >= from; });
    if (!locations.length) return from;
    if (count - from <= EXCERPT) return from;
    var hits = [];
    locations.forEach(function (l) { hits[l] = (hits[l] || 0) + 1; });
    var best = 0, bestAt = 0, sum = 0, i;
    for (i = 0; i < EXCERPT; i++) sum += hits[i] || 0;
    best = sum;
    for (i = 0; i + EXCERPT < count; i++) {
      sum += (hits[i + EXCERPT] || 0) - (hits[i] || 0);
      if (sum > best) { best = sum; bestAt = i + 1; }
    }
    var first = locations.filter(function (l) { return l >= bestAt; }).sort(function (a, b) { return a - b; })[0];
    return Math.max(from, (first === undefined ? bestAt : first) - 8);
  }

  // A paragraph of about EXCERPT words of `text` from `start`, the words at `locations` marked.
  function excerpt(text, locations, start) {
    var words = wordsOf(text);
    var marked = {};
    locations.forEach(function (l) { marked[l] = true; });
    if (start + EXCERPT > words.length) start = Math.max(0, words.length - EXCERPT);
    var p = document.createElement("p");
    p.className = "jobsite-searchpage__excerpt";
    var end = Math.min(words.length, start + EXCERPT);
    var run = start > 0 ? "… " : "";
    for (var i = start; i < end; i++) {
      if (marked[i]) {
        if (run) p.appendChild(document.createTextNode(run));
        var mark = document.createElement("mark");
        mark.textContent = words[i];
        p.appendChild(mark);
        run = " ";
      } else {
        run += words[i] + " ";
      }
    }
    run = run.replace(/ $/, "") + (end < words.length ? " …" : "");
    if (run) p.appendChild(document.createTextNode(run));
    return p;
  }

  // --- the engines --------------------------------------------------------------------------

  function pagefindEngine() {
    return import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
      // noWorker: the search runs on the page; a worker would download Pagefind's code a second time (12 KB).
      return pagefind.options({ ranking: options.ranking || {}, excerptLength: EXCERPT, noWorker: true }).then(function () {
        return pagefind.init();
      }).then(function () {
        return {
          search: function (q) {
            return pagefind.search(q).then(function (found) {
              var results = (found && found.results) || [];
              return {
                total: results.length,
                page: function (from, to) {
                  return Promise.all(results.slice(from, to).map(function (r) {
                    return r.data().then(function (d) {
                      var meta = d.meta || {};
                      var content = visible(d.content || "");
                      var count = wordsOf(content).length;
                      var locations = (d.locations || []).filter(function (l) { return l < count; });
                      var start = excerptStart(locations, count, skipTitle(content, meta.title || ""));
                      return { url: d.url, title: meta.title || d.url, sted: meta.sted, frist: meta.frist,
                               content: content, locations: locations, start: start };
                    });
                  }));
                }
              };
            });
          }
        };
      });
    });
  }

  // The page's own text: the forms the build added for the search follow the mark (options.formsMark).
  function visible(content) {
    var mark = options.formsMark;
    if (!mark) return content;
    if (content.indexOf(mark + " ") === 0) return "";  // a page without text of its own
    var at = content.lastIndexOf(" " + mark + " ");
    return at < 0 ? content : content.slice(0, at);
  }

  // Without a match in the text (a title, a place or another spelling matched), the excerpt
  // is the start of the text after the page's title.
  function skipTitle(content, title) {
    var bare = function (w) { return (w || "").replace(/[.,:;!?]+$/, ""); };
    var t = wordsOf(title), c = wordsOf(content);
    for (var i = 0; i < t.length; i++) if (bare(c[i]) !== bare(t[i])) return 0;
    return t.length;
  }

  // The preview from disk: the light index, searched here. A query word finds a word of the page
  // that starts with it (or with it without a Danish ending: 'pædagoger' finds 'pædagog').
  function lightEngine() {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = new URL("jobsite-preview.js", bundle).href;
      tag.onload = function () { resolve(window.jobsiteSearchIndex || []); };
      tag.onerror = reject;
      document.head.appendChild(tag);
    }).then(function (index) {
      var ENDINGS = ["ernes", "erne", "enes", "ene", "ere", "ers", "er", "en", "et", "es", "e", "s"];
      var WEIGHTS = options.ranking && options.ranking.metaWeights || {};
      function lower(s) { return (s || "").toLowerCase(); }
      function tokens(s) { return lower(s).split(/[^0-9a-zæøåäöüéèáàíóú]+/).filter(Boolean); }
      function stems(term) {
        var out = [term];
        ENDINGS.forEach(function (e) {
          if (term.length - e.length >= 4 && term.slice(-e.length) === e) out.push(term.slice(0, -e.length));
        });
        return out;
      }
      function hits(words, term) {
        var forms = stems(term);
        return words.some(function (w) { return forms.some(function (f) { return w.indexOf(f) === 0; }); });
      }
      var prepared = index.map(function (e) {
        return { entry: e, title: tokens(e.title), emner: tokens(e.emner), former: tokens(e.former),
                 text: tokens(e.text), words: wordsOf(e.text || "") };
      });
      return {
        search: function (q) {
          var terms = tokens(q);
          var found = [];
          prepared.forEach(function (p) {
            var score = 0;
            var all = terms.length > 0 && terms.every(function (t) {
              var s = 0;
              if (hits(p.title, t)) s += WEIGHTS.title || 5;
              if (hits(p.emner, t)) s += WEIGHTS.emner || 6;
              if (hits(p.text, t)) s += 1;
              if (hits(p.former, t)) s += WEIGHTS.former || 1;
              score += s;
              return s > 0;
            });
            if (all) found.push({ p: p, score: score });
          });
          found.sort(function (a, b) { return b.score - a.score; });
          return Promise.resolve({
            total: found.length,
            page: function (from, to) {
              return Promise.resolve(found.slice(from, to).map(function (f) {
                var e = f.p.entry;
                var locations = [];
                f.p.words.forEach(function (w, i) {
                  var lw = tokens(w)[0] || "";
                  if (terms.some(function (t) { return stems(t).some(function (s) { return lw.indexOf(s) === 0; }); })) {
                    locations.push(i);
                  }
                });
                return { url: new URL(e.url, siteRoot).href, title: e.title, sted: e.sted, frist: e.frist,
                         content: e.text || "", locations: locations,
                         start: excerptStart(locations, f.p.words.length, skipTitle(e.text || "", e.title)) };
              }));
            }
          });
        }
      };
    });
  }

  function getEngine() {
    if (!engine) engine = location.protocol === "file:" ? lightEngine() : pagefindEngine();
    return engine;
  }

  // --- showing ------------------------------------------------------------------------------

  function item(r) {
    var li = document.createElement("li");
    var title = document.createElement("p");
    title.className = "jobsite-searchpage__title";
    var a = document.createElement("a");
    a.href = r.url;
    a.textContent = r.title;
    title.appendChild(a);
    li.appendChild(title);
    if (r.sted || r.frist) {
      var line = document.createElement("p");
      line.className = "jobsite-searchpage__line";
      line.textContent = [r.sted, r.frist].filter(Boolean).join(" · ");
      li.appendChild(line);
    }
    if (r.content) li.appendChild(excerpt(r.content, r.locations, r.start));
    return li;
  }

  function counted(n, q) {
    return n === 0
      ? "Ingen resultater for »" + q + "«. Prøv et andet ord, et kortere ord eller færre ord."
      : n + (n === 1 ? " resultat" : " resultater") + " for »" + q + "«.";
  }

  function show(q) {
    var mine = ++latest;
    shownQuery = q;
    var more = document.getElementById("jobsite-searchpage-more");
    if (more) more.remove();
    if (!q) {
      list.replaceChildren();
      status.textContent = "";
      return Promise.resolve();
    }
    return getEngine().then(function (e) { return e.search(q); }).then(function (found) {
      if (mine !== latest) return;
      return found.page(0, PAGE).then(function (rows) {
        if (mine !== latest) return;
        list.replaceChildren.apply(list, rows.map(item));
        status.textContent = counted(found.total, q);
        if (found.total > PAGE) addMore(found, PAGE, mine);
      });
    }).catch(function () {
      engine = null;  // loaded again on the next search
      if (mine !== latest) return;
      list.replaceChildren();
      status.textContent = "Søgningen kunne ikke hentes. Prøv igen om lidt.";
    });
  }

  // "Vis flere": the next results, the first of them focused, so a keyboard goes on from there.
  function addMore(found, shown, mine) {
    var p = document.createElement("p");
    p.id = "jobsite-searchpage-more";
    p.className = "jobsite-searchpage__more";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Vis flere resultater";
    p.appendChild(button);
    list.after(p);
    button.addEventListener("click", function () {
      found.page(shown, shown + PAGE).then(function (rows) {
        if (mine !== latest) return;
        var items = rows.map(item);
        items.forEach(function (li) { list.appendChild(li); });
        var next = shown + rows.length;
        p.remove();
        if (next < found.total) addMore(found, next, mine);
        var link = items[0] && items[0].querySelector("a");
        if (link) link.focus();
        status.textContent = "Viser " + next + " af " + found.total + " resultater.";
      });
    });
  }

  function query() {
    return (new URLSearchParams(location.search).get("q") || "").trim();
  }

  var typing = 0;
  var shownQuery = null;  // the words of the list on the page (or being searched)

  // The form searches in place, and the address keeps the words (a link to the results).
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    var q = field.value.trim();
    var url = new URL(location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    history.replaceState(null, "", url.href);
    var header = document.getElementById("jobsite-search-q");
    if (header) header.value = q;
    show(q);
  });

  // While typing, the results follow after a pause (not on every key).
  field.addEventListener("input", function () {
    clearTimeout(typing);
    typing = setTimeout(function () {
      if (field.value.trim() !== shownQuery) show(field.value.trim());
    }, 250);
  });

  var q = query();
  field.value = q;
  var header = document.getElementById("jobsite-search-q");
  if (header) header.value = q;
  if (q) show(q); else getEngine();  // loaded while the visitor types: this page is for searching
})();
