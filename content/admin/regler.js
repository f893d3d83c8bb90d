// A rule of `check` (generator/content.py) that the form cannot express with one field's
// pattern, said before the save: Decap stops the save when a preSave handler throws, and
// shows the message. check stays the rule; this only saves HR a refused pull request.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    const data = entry.get("data");
    const published = data.get("published");
    const deadline = data.get("deadline");
    if (published && deadline && String(deadline) < String(published)) {
      // A string, not an Error: Decap shows what is thrown after its own "could not save", and an
      // Error would put the English word "Error:" in front of the Danish message.
      throw `Ansøgningsfristen (${deadline}) ligger før dagen, opslaget vises fra (${published}). ` +
            "Ret ansøgningsfristen eller \"Vises fra\".";
    }
    return data;
  },
});

// Two of Decap's Danish phrases, said as HR should read them: a new, empty form is not "Ændringer
// gemt" (nothing has been saved), and the new-posting button's fullwidth "＋" is a box in fonts that
// lack it (the plain "+" is in every font). The rest of Decap's Danish stays as it is.
(function () {
  const da = CMS.getLocale("da");
  if (!da) return;
  const phrases = JSON.parse(JSON.stringify(da));
  phrases.editor.editorToolbar.changesSaved = "Ingen ugemte ændringer";
  phrases.collection.collectionTop.newButton = "+ %{collectionLabel}";
  CMS.registerLocale("da", phrases);
})();
