/* jobsite: the filters above the job list, and deadlines checked against the
   visitor's clock. No framework and no third-party code; every page is
   complete without this script, which only enhances it.

   - Filters: the <form id="jobsite-filter"> (a GET form with a submit
     button, there without the script too) has one <select> per filter. A
     card matches when its data-<attr> lists the chosen value; the cards
     carry every value whose choice includes them (a ressourcepædagog post is
     a pædagog post too, a 0-6 post is under 0-3 and 3-6), as the counts and
     the per-value feeds do. Each option's count is recounted after deadlines
     are checked. The count is announced through aria-live, and the choice and
     the order (?kommune=ballerup&sortering=nyeste) are kept in the address,
     so a list can be shared, bookmarked and reloaded; a shared choice the
     page does not have is named, not dropped in silence. A choice that shows
     nothing offers the nearest wider choices with their counts. The "få
     besked" links follow the chosen facet values and say what they cover
     (their feeds are in data-atom and data-ics of the options).
   - Postings: "Ny" on those published in the last days, the share or
     "Kopiér link" button, and a way back that keeps the list's filters.
   - Deadlines: a static page is built once a day at most, so the badges
     ("Frist om 3 dage") are recomputed from the visitor's clock, and a
     posting whose deadline has passed since the build is shown as closed
     and loses its apply buttons.
   - Wording: PAGE_TEXT in generator/render/danish.py is the only copy; the
     jobsite plugin writes it into this file when it builds the site (WORDING
     below). Without it the badges and the count keep the texts they were
     built with. */
(function () {
  "use strict";

  var TZ = "Europe/Copenhagen";
  var DAY = 86400000;

  /* The calendar day of a moment in Copenhagen, as a day number. */
  function copenhagenDay(moment) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(moment).forEach(function (p) { parts[p.type] = p.value; });
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day) / DAY;
  }

  /* "2026-01-10T23:59:59+01:00" -> the day number of 2026-01-10 (the ISO text is in Copenhagen time). */
  function isoDay(iso) {
    var p = iso.slice(0, 10).split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY;
  }

  /* {"soon_days": 3, "deadline_today": "Frist i dag", ...}, or null in the source file. */
  var wording = /* jobsite:wording */ null;

  /* A sentence of the page's wording with its {placeholders} filled in. */
  function say(key, values) {
    return wording[key].replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  function badgeText(days) {
    if (days <= 0) return say("deadline_today", {});
    if (days === 1) return say("deadline_tomorrow", {});
    return say("deadline_days", { n: days });
  }

  function closeBadge(badge) {
    badge.textContent = say("deadline_passed", {});
    badge.classList.remove("jobsite-badge--soon");
    badge.classList.add("jobsite-badge--closed");
    badge.removeAttribute("data-deadline");
  }

  function updateDeadlines(now) {
    var today = copenhagenDay(now);
    var badges = wording ? document.querySelectorAll(".jobsite-badge[data-deadline]") : [];
    Array.prototype.forEach.call(badges, function (badge) {
      var deadline = badge.getAttribute("data-deadline");
      if (now > new Date(deadline)) {
        closeBadge(badge);
        return;
      }
      var days = isoDay(deadline) - today;
      badge.textContent = badgeText(days);
      badge.classList.toggle("jobsite-badge--soon", days <= wording.soon_days);
    });
    document.querySelectorAll('.jobsite-card[data-status="open"][data-deadline]').forEach(function (card) {
      if (now > new Date(card.getAttribute("data-deadline"))) {
        card.setAttribute("data-status", "closed");
        card.classList.add("jobsite-card--closed");
      }
    });
    var facts = document.querySelector(".jobsite-facts[data-deadline]");  // an open posting's page
    if (facts && now > new Date(facts.getAttribute("data-deadline"))) {
      if (wording) showExpired(facts);
      document.querySelectorAll(".jobsite-apply").forEach(function (el) { el.hidden = true; });
      document.querySelectorAll(".jobsite-calendar").forEach(function (el) { el.hidden = true; });
    }
  }

  /* "Fristen er nu udløbet. Ansøgningsfristen var <time>, og der kan ikke
     længere søges. Se de ledige stillinger." above the posting's key facts. */
  function showExpired(facts) {
    if (document.querySelector(".jobsite-notice--expired")) return;
    var notice = document.createElement("div");
    notice.className = "jobsite-notice jobsite-notice--expired";
    notice.setAttribute("role", "note");
    var p = notice.appendChild(document.createElement("p"));
    p.appendChild(document.createElement("strong")).textContent = wording.expired_title;
    var text = wording.expired_text.split("{deadline}");
    p.appendChild(document.createTextNode(" " + text[0]));
    var deadline = facts.querySelector("time");
    p.appendChild(deadline ? deadline.cloneNode(true) : document.createTextNode(""));
    p.appendChild(document.createTextNode((text[1] || "") + " "));
    var link = p.appendChild(document.createElement("a"));
    link.href = "../";
    link.textContent = wording.expired_link;
    p.appendChild(document.createTextNode("."));
    facts.parentNode.insertBefore(notice, facts);
  }

  /* A card matches a filter when its data-<attr> lists the chosen value. The cards carry the key
     of every choice that includes them (generator/facets.py, model.ROLE_INCLUDES, AGE_INCLUDES: a
     ressourcepædagog post carries paedagog too, a 0-6 post 0-3 and 3-6), so the list, the counts
     and each value's feed always hold the same postings. */
  function matches(card, select) {
    if (!select.value) return true;
    var values = (card.getAttribute("data-" + select.getAttribute("data-attr")) || "").split(/\s+/);
    return values.indexOf(select.value) !== -1;
  }

  function matchesAll(card, selects) {
    return selects.every(function (s) { return matches(card, s); });
  }

  function jobs(n) {
    return n === 1 ? wording.job_one : wording.job_many;
  }

  function isOpenCard(card) {
    return card.getAttribute("data-status") !== "closed";
  }

  function chosenOption(select) {
    return select.value ? select.options[select.selectedIndex] : null;
  }

  /* A text of the form's own wording (data-text, generator/render/filters.py) with {placeholders}. */
  function fill(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  /* "Stillingstype: Pædagog". */
  function choiceText(select) {
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    return (label ? label.textContent : select.name) + ": " + chosenOption(select).getAttribute("data-label");
  }

  /* "Stillingstype: Pædagog, Kommune: Aarhus Kommune". */
  function chosenText(selects) {
    return selects.filter(function (s) { return s.value; }).map(choiceText).join(", ");
  }

  /* Each option's count of open postings, again: the script may have closed some since the build. */
  function recount(selects, cards) {
    var open = cards.filter(isOpenCard);
    selects.forEach(function (select) {
      var attr = "data-" + select.getAttribute("data-attr");
      Array.prototype.forEach.call(select.options, function (option) {
        var label = option.getAttribute("data-label");
        if (!option.value || label === null) return;
        var n = open.filter(function (card) {
          return (card.getAttribute(attr) || "").split(/\s+/).indexOf(option.value) !== -1;
        }).length;
        option.textContent = label + " (" + n + ")";
      });
    });
  }

  /* Every way to pick k of `items`, in their order. */
  function combinations(items, k) {
    if (k === 0) return [[]];
    var found = [];
    items.forEach(function (item, i) {
      combinations(items.slice(i + 1), k - 1).forEach(function (rest) { found.push([item].concat(rest)); });
    });
    return found;
  }

  /* With nothing shown, the nearest wider choices: the fewest chosen values to drop that show
     postings again, each such drop with how many it shows, the smallest widening first. */
  function widerChoices(selects, open) {
    var chosen = selects.filter(function (s) { return s.value; });
    for (var k = 1; k <= chosen.length; k++) {
      var found = [];
      combinations(chosen, k).forEach(function (dropped) {
        var kept = chosen.filter(function (s) { return dropped.indexOf(s) === -1; });
        var n = open.filter(function (card) { return matchesAll(card, kept); }).length;
        if (n > 0) found.push({ dropped: dropped, n: n });
      });
      if (found.length) {
        return found.sort(function (a, b) { return a.n - b.n; });
      }
    }
    return [];
  }

  /* The "få besked" links never follow more than they say. No facet value chosen: the feed and
     calendar of all jobs. One: that value's (data-atom, data-ics of its option). Several: no feed
     has just their postings, so the first value's feed is offered and the others' under it, each
     named, and a note says so; a chosen hours or employment (no feeds) is named as not covered. */
  function setupFollow(text) {
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-jobsite-follow]"));
    var box = document.getElementById("jobsite-subscribe");
    var note = box ? box.querySelector(".jobsite-subscribe__note") : null;
    var more = box ? box.querySelector(".jobsite-subscribe__more") : null;
    links.forEach(function (a) {
      a.setAttribute("data-general-href", a.getAttribute("href"));
      a.setAttribute("data-general-text", a.textContent);
    });
    function feedLink(option, kind) {
      var a = document.createElement("a");
      a.href = option.getAttribute("data-" + kind);
      a.type = kind === "atom" ? "application/atom+xml" : "text/calendar";
      a.textContent = say("follow_" + kind, { label: option.getAttribute("data-label") });
      return a;
    }
    return function follow(selects) {
      var facets = selects.filter(function (s) { return s.hasAttribute("data-facet") && s.value; });
      var others = selects.filter(function (s) { return !s.hasAttribute("data-facet") && s.value; });
      var option = facets.length && wording ? chosenOption(facets[0]) : null;
      links.forEach(function (a) {
        var kind = a.getAttribute("data-jobsite-follow");
        var href = option && option.getAttribute("data-" + kind);
        if (href) {
          a.setAttribute("href", href);
          a.textContent = say("follow_" + kind, { label: option.getAttribute("data-label") });
        } else {
          a.setAttribute("href", a.getAttribute("data-general-href"));
          a.textContent = a.getAttribute("data-general-text");
        }
      });
      if (more) {
        more.textContent = "";
        if (option) {
          facets.slice(1).forEach(function (s) {
            var li = more.appendChild(document.createElement("li"));
            li.appendChild(feedLink(chosenOption(s), "atom"));
            li.appendChild(document.createTextNode(" · "));
            li.appendChild(feedLink(chosenOption(s), "ics"));
          });
        }
        more.hidden = !more.firstChild;
      }
      if (note) {
        var othersText = others.map(choiceText).join(", ");
        var message = "";
        if (option && facets.length > 1) message = fill(text.follow_several, { label: option.getAttribute("data-label") });
        else if (option && others.length) message = fill(text.follow_partial, { label: option.getAttribute("data-label"), others: othersText });
        else if (!facets.length && others.length) message = fill(text.follow_general, { others: othersText });
        note.textContent = message;
        note.hidden = !message;
      }
    };
  }

  /* The list's order: by deadline (the order it was built in) or newest first. */
  function sortCards(list, cards, order) {
    var sorted = cards.map(function (card, i) { return { card: card, i: i, day: card.getAttribute("data-published") }; });
    if (order === "nyeste") {
      sorted.sort(function (a, b) { return a.day === b.day ? a.i - b.i : (a.day < b.day ? 1 : -1); });
    }
    sorted = sorted.map(function (entry) { return entry.card; });
    sorted.forEach(function (card) { list.appendChild(card); });
  }

  function setupFilters() {
    var form = document.getElementById("jobsite-filter");
    var list = document.querySelector("ul.jobsite-list");
    var count = document.getElementById("jobsite-count");
    if (!form || !list || !count || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    var text = {};
    try { text = JSON.parse(form.getAttribute("data-text") || "{}"); } catch (e) { text = {}; }
    var cards = Array.prototype.slice.call(list.querySelectorAll(".jobsite-card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var details = form.querySelector("details");
    var badge = form.querySelector("[data-jobsite-active]");
    var notice = document.getElementById("jobsite-filter-notice");
    var chosenBox = document.getElementById("jobsite-chosen");
    var wider = document.getElementById("jobsite-wider");
    var sortBox = document.getElementById("jobsite-sort");
    var sort = sortBox ? sortBox.querySelector("select") : null;
    var follow = setupFollow(text);
    var wide = window.matchMedia("(min-width: 60em)");
    if (details && wide.matches) details.open = true;  // folded on phones
    count.setAttribute("tabindex", "-1");  // focus lands on the count after a choice is applied
    var noScript = form.querySelector("[data-jobsite-noscript]");  // "Uden JavaScript ..." is not true here
    if (noScript) noScript.hidden = true;

    /* A shared link's choices; one the page does not have is named in a notice, not silently dropped. */
    var params = new URLSearchParams(window.location.search);
    var unknown = [];
    selects.concat(sort ? [sort] : []).forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted === null || wanted === "") return;
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      if (known) {
        select.value = wanted;
      } else {
        var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
        unknown.push({ label: (label ? label.textContent : select.name).toLowerCase(), value: wanted });
      }
    });
    if (notice && wording && unknown.length) {
      notice.textContent = unknown.map(function (u) { return say("unknown_choice", u); }).join(" ");
      notice.hidden = false;
    }
    if (details && selects.some(function (s) { return s.value; })) details.open = true;  // a shared choice shows

    /* Drop these choices and show the list again, with the focus on the count. */
    function drop(dropped) {
      dropped.forEach(function (s) { s.value = ""; });
      apply(true);
      count.focus();
    }

    /* The chosen values under the count, each a button that removes it. */
    function showChosen(chosen) {
      if (!chosenBox) return;
      chosenBox.textContent = "";
      if (chosen.length) chosenBox.appendChild(document.createTextNode(text.chosen + " "));
      chosen.forEach(function (select) {
        var button = chosenBox.appendChild(document.createElement("button"));
        button.type = "button";
        button.className = "jobsite-chosen__value";
        /* Named by its text ("Fjern valget Ballerup Kommune"), not by aria-label, which label
           lookups would take for a second "Kommune". */
        var hiddenText = button.appendChild(document.createElement("span"));
        hiddenText.className = "md-visually-hidden";
        hiddenText.textContent = text.remove;
        button.appendChild(document.createTextNode(" " + chosenOption(select).getAttribute("data-label")));
        var x = button.appendChild(document.createElement("span"));
        x.setAttribute("aria-hidden", "true");
        x.textContent = " ×";
        button.addEventListener("click", function () { drop([select]); });
      });
      chosenBox.hidden = !chosen.length;
    }

    /* Nothing matches: the nearest wider choices, each with its count. */
    function showWider(open, shown) {
      if (!wider) return;
      wider.textContent = "";
      var choices = shown === 0 && open.length && wording ? widerChoices(selects, open) : [];
      if (choices.length) {
        wider.appendChild(document.createElement("p")).textContent = text.wider_intro;
        var ul = wider.appendChild(document.createElement("ul"));
        choices.forEach(function (choice) {
          var button = ul.appendChild(document.createElement("li")).appendChild(document.createElement("button"));
          button.type = "button";
          button.className = "md-button";
          button.textContent = fill(text.wider_choice, {
            n: choice.n, jobs: jobs(choice.n),
            dropped: choice.dropped.map(choiceText).join("«, »")
          });
          button.addEventListener("click", function () { drop(choice.dropped); });
        });
      }
      wider.hidden = !choices.length;
    }

    function apply(remember) {
      var open = [], shown = 0;
      cards.forEach(function (card) {
        var isOpen = isOpenCard(card);
        var show = isOpen && matchesAll(card, selects);
        card.hidden = !show;
        if (isOpen) open.push(card);
        if (show) shown += 1;
      });
      var chosen = selects.filter(function (s) { return s.value; });
      var active = chosen.length > 0;
      if (badge) badge.textContent = active ? "(" + chosen.length + " valgt)" : "";
      if (sort) sortCards(list, cards, sort.value);
      if (wording) {
        var order = sort && sort.value === "nyeste" ? wording.order_newest : wording.order_deadline;
        var values = { n: open.length, shown: shown, jobs: jobs(open.length), order: order, chosen: chosenText(selects) };
        if (open.length === 0) count.textContent = say("count_empty", values);
        else if (!active) count.textContent = say("count", values);
        else if (shown === 0) count.textContent = say("count_none_shown", values);
        else count.textContent = say("count_shown", values);
      }
      showChosen(chosen);
      showWider(open, shown);
      follow(selects);
      if (remember) {
        var query = new URLSearchParams();
        selects.forEach(function (s) { if (s.value) query.set(s.name, s.value); });
        if (sort && sort.value) query.set(sort.name, sort.value);
        var address = query.toString();
        window.history.replaceState(window.history.state, "",
          window.location.pathname + (address ? "?" + address : "") + window.location.hash);
        if (notice) notice.hidden = true;  // the address no longer has the unknown choice
      }
    }

    recount(selects, cards);
    form.addEventListener("change", function (event) {
      if (event.target !== sort) apply(true);
    });
    /* "Vis stillinger": the same choices through the address; on a phone the filters fold away
       and the focus goes to the count, so the list is what comes next. */
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(true);
      if (details && !wide.matches) details.open = false;
      count.focus();
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      selects.forEach(function (s) { s.value = ""; });
      apply(true);
      selects[0].focus();
    });
    if (sort) {
      sort.addEventListener("change", function () { apply(true); });
      sortBox.hidden = false;
    }
    form.hidden = false;
    apply(false);
  }

  /* "Ny" on an open posting published fewer than wording.new_days calendar days ago (the
     build's rule, danish.is_new), on the cards and on a posting's page, from the visitor's day. */
  function updateNew(now) {
    if (!wording) return;
    var today = copenhagenDay(now);
    document.querySelectorAll("[data-published]").forEach(function (el) {
      var target = el.classList.contains("jobsite-card") ? el.querySelector(".jobsite-card__title") : el;
      if (!target) return;
      var age = today - isoDay(el.getAttribute("data-published"));
      var open = el.getAttribute("data-status") !== "closed" && !document.querySelector(".jobsite-notice--expired");
      var isNew = open && age >= 0 && age < wording.new_days;
      var mark = target.querySelector(".jobsite-new");
      if (isNew && !mark) {
        target.appendChild(document.createTextNode(" "));
        mark = target.appendChild(document.createElement("span"));
        mark.className = "jobsite-new";
        mark.textContent = wording["new"];
      } else if (!isNew && mark) {
        if (mark.previousSibling && mark.previousSibling.nodeType === 3) mark.previousSibling.textContent =
          mark.previousSibling.textContent.replace(/ $/, "");
        mark.remove();
      }
    });
  }

  /* A posting's "Del stillingen" (the browser's share sheet) or, without one, "Kopiér link";
     the result is announced through aria-live. The way back keeps the list's filters when
     the visitor came from a filtered list. */
  function setupPosting() {
    var back = document.querySelector(".jobsite-back a");
    var from = document.referrer ? new URL(document.referrer, window.location.href) : null;
    if (back && from && from.origin === window.location.origin && from.search &&
        from.pathname === new URL(back.getAttribute("href"), window.location.href).pathname) {
      back.setAttribute("href", back.getAttribute("href") + from.search);
    }
    var button = document.getElementById("jobsite-share");
    var status = document.getElementById("jobsite-share-status");
    if (!button || !status || !wording || button.hasAttribute("data-ready")) return;
    button.setAttribute("data-ready", "");
    var url = window.location.href.split(/[?#]/)[0];  // the posting's address, also opened from disk (preview)
    var canShare = typeof navigator.share === "function";
    var canCopy = navigator.clipboard && typeof navigator.clipboard.writeText === "function";
    if (!canShare && !canCopy) return;  // stays hidden: the address bar has the link
    button.textContent = canShare ? wording.share : wording.copy_link;
    button.addEventListener("click", function () {
      if (canShare) {
        navigator.share({ title: document.title, url: url }).catch(function () { /* closed by the visitor */ });
        return;
      }
      status.textContent = "";
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = wording.copied;
      }, function () {
        status.textContent = wording.copy_failed;
      });
    });
    button.parentNode.hidden = false;
  }

  /* "Now" for the deadlines: the visitor's clock, unless the build was made for a fixed day
     (a preview, JOBSITE_TODAY): then <meta name="jobsite-now" content="2026-01-05T00:00:00+01:00">
     holds that moment, so what the build shows as open stays open in the browser. */
  function pageNow() {
    var fixed = document.querySelector('meta[name="jobsite-now"]');
    var moment = fixed ? new Date(fixed.getAttribute("content")) : null;
    return moment && !isNaN(moment.getTime()) ? moment : new Date();
  }

  function init() {
    var now = pageNow();
    updateDeadlines(now);
    updateNew(now);
    setupFilters();
    setupPosting();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's page-load signal (also with instant navigation)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
