/* The Jobnet sheet's copy buttons (loaded by that page only; the preview's job/<id>/jobnet page).
   A button names the element whose text it copies (data-copy); with data-copy-as="html" the text is
   copied formatted too, so it keeps its paragraphs and lists when pasted into Jobnet's editor.
   No inline handlers: the site's Content-Security-Policy runs scripts from files only. */
(function () {
  "use strict";
  var status = document.querySelector(".jobsite-jobnet__status");

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function fallback(text) {
    // Without the Clipboard API (a page opened from disk in some browsers): select and copy.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try {
      done = document.execCommand("copy");
    } catch (e) {
      done = false;
    }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function copy(element, asHtml) {
    var text = element.innerText.trim();
    var clipboard = navigator.clipboard;
    if (asHtml && clipboard && window.ClipboardItem) {
      var item = new window.ClipboardItem({
        "text/html": new Blob([element.innerHTML], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" })
      });
      return clipboard.write([item]).catch(function () { return clipboard.writeText(text); });
    }
    if (clipboard && clipboard.writeText) {
      return clipboard.writeText(text).catch(function () { return fallback(text); });
    }
    return fallback(text);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
    if (!button) {
      return;
    }
    var element = document.getElementById(button.getAttribute("data-copy"));
    if (!element) {
      return;
    }
    var label = button.getAttribute("aria-describedby");
    var name = label && document.getElementById(label) ? document.getElementById(label).textContent : "Teksten";
    copy(element, button.getAttribute("data-copy-as") === "html").then(function () {
      button.setAttribute("data-copied", "");
      say(name + " er kopieret.");
    }, function () {
      say("Kunne ikke kopiere. Markér teksten, og kopiér den selv (Ctrl+C).");
    });
  });
}());
