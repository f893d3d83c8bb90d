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
