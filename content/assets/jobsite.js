/* jobsite: the filters above the job list, and deadlines checked against the
   visitor's clock. No framework and no third-party code; every page is
   complete without this script, which only enhances it.

   - Filters: the <form id="jobsite-filter"> (hidden in the HTML, shown here)
     has one <select> per filter. A card matches when its data-<attr> lists
     the chosen value (for age groups: when the ranges overlap, so a 0-6 job
     is found under 0-3 and under 3-6). The count is announced through
     aria-live, and the choice is kept in the address (?kommune=ballerup) so
     a filtered list can be shared, bookmarked and reloaded.
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

  function overlaps(a, b) {
    var x = a.split("-").map(Number), y = b.split("-").map(Number);
    return x[0] < y[1] && y[0] < x[1];
  }

  function matches(card, select) {
    if (!select.value) return true;
    var values = (card.getAttribute("data-" + select.getAttribute("data-attr")) || "").split(/\s+/);
    if (select.getAttribute("data-match") === "range") {
      return values.some(function (v) { return v && overlaps(v, select.value); });
    }
    return values.indexOf(select.value) !== -1;
  }

  function jobs(n) {
    return n === 1 ? wording.job_one : wording.job_many;
  }

  function setupFilters() {
    var form = document.getElementById("jobsite-filter");
    var list = document.querySelector("ul.jobsite-list");
    var count = document.getElementById("jobsite-count");
    if (!form || !list || !count || form.hasAttribute("data-ready")) return;
    form.setAttribute("data-ready", "");
    var cards = Array.prototype.slice.call(list.querySelectorAll(".jobsite-card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var details = form.querySelector("details");
    var badge = form.querySelector("[data-jobsite-active]");
    if (details && window.matchMedia("(min-width: 60em)").matches) details.open = true;  // folded on phones

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      if (wanted && known) select.value = wanted;
    });

    function apply(remember) {
      var open = 0, shown = 0;
      cards.forEach(function (card) {
        var isOpen = card.getAttribute("data-status") !== "closed";
        var show = isOpen && selects.every(function (s) { return matches(card, s); });
        card.hidden = !show;
        if (isOpen) open += 1;
        if (show) shown += 1;
      });
      var chosen = selects.filter(function (s) { return s.value; }).length;
      var active = chosen > 0;
      if (badge) badge.textContent = active ? "(" + chosen + " valgt)" : "";
      if (wording) {
        var values = { n: open, shown: shown, jobs: jobs(open) };
        if (open === 0) count.textContent = say("count_empty", values);
        else if (!active) count.textContent = say("count", values);
        else if (shown === 0) count.textContent = say("count_none_shown", values);
        else count.textContent = say("count_shown", values);
      }
      if (remember) {
        var query = new URLSearchParams();
        selects.forEach(function (s) { if (s.value) query.set(s.name, s.value); });
        var text = query.toString();
        window.history.replaceState(window.history.state, "",
          window.location.pathname + (text ? "?" + text : "") + window.location.hash);
      }
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      selects.forEach(function (s) { s.value = ""; });
      apply(true);
      selects[0].focus();
    });
    form.hidden = false;
    apply(false);
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
    updateDeadlines(pageNow());
    setupFilters();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's page-load signal (also with instant navigation)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
