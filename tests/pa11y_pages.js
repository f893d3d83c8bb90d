// pa11y over many pages in one browser (tests/test_pa11y.py): HTML_CodeSniffer, WCAG2AA, errors only.
//
//   node tests/pa11y_pages.js <chromium> <url> [<url> ...]
//
// Prints one JSON array: [{url, issues: [{code, message, selector, context}]}], one entry per page in
// the order given. One Chromium is launched for all pages (pa11y launches one per page when it is not
// given a browser), and pages are tested two at a time: the machine's two cores, not a process each.
"use strict";

const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", "--disable-quic"];
const AT_ONCE = 2;

async function main() {
  const [executablePath, ...urls] = process.argv.slice(2);
  const browser = await puppeteer.launch({executablePath, args: ARGS, headless: true});
  const results = new Array(urls.length);
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const index = next++;
      const page = await browser.newPage();
      try {
        const found = await pa11y(urls[index], {
          browser, page, runners: ["htmlcs"], standard: "WCAG2AA",
          includeWarnings: false, includeNotices: false,
          timeout: 120000,  // a busy two-core machine: generous, never a fixed wait
        });
        results[index] = {url: urls[index], title: found.documentTitle, issues: found.issues
          .filter((issue) => issue.type === "error")
          .map(({code, message, selector, context}) => ({code, message, selector, context}))};
      } finally {
        await page.close();
      }
    }
  }
  try {
    await Promise.all(Array.from({length: Math.min(AT_ONCE, urls.length)}, worker));
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(2);
});
