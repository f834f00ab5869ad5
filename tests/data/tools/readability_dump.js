// What tools built on Mozilla's Readability keep of a saved page (Firefox's reader view,
// Jina's reader, MarkDownload and many scrapers run it): the article's text
// (``textContent``, mode "text"), or the article's title as a heading and its content
// converted by turndown (mode "markdown"). Readability makes links absolute against the
// page's address. Usage: node readability_dump.js <page.html> <address> <mode>
"use strict";
const fs = require("fs");
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");
const TurndownService = require("turndown");

const [, , input, address, mode] = process.argv;
const dom = new JSDOM(fs.readFileSync(input, "utf8"), { url: address });
const article = new Readability(dom.window.document).parse();
if (mode === "text") {
  process.stdout.write(article.textContent);
} else {
  const service = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced" });
  process.stdout.write(`# ${article.title}\n\n${service.turndown(article.content)}`);
}
