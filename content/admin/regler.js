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
      throw new Error(`Ansøgningsfristen (${deadline}) ligger før dagen, opslaget vises fra (${published}). ` +
                      "Ret ansøgningsfristen eller \"Vises fra\".");
    }
    return data;
  },
});
