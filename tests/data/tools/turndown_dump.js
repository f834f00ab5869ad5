// Markdown of a saved page as a reader service (mode "reader") or a web clipper
// (mode "clipper") writes it: both convert with turndown. Links and images are
// made absolute against the page's address first, as both do; the reader names
// each image "Image N: alt". The header or front matter is written by
// make_turndown_dumps.sh. Usage: node turndown_dump.js <page.html> <mode> <address>
"use strict";
const fs = require("fs");
const TurndownService = require("turndown");

const [, , input, mode, address] = process.argv;
const service = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced" });
service.remove(["script", "style", "noscript", "template", "head"]);
const absolute = (url) => {
  try {
    return new URL(url, address).href;
  } catch (error) {
    return url;
  }
};
let images = 0;
service.addRule("link", {
  filter: (node) => node.nodeName === "A" && node.getAttribute("href"),
  replacement: (content, node) => `[${content}](${absolute(node.getAttribute("href"))})`,
});
service.addRule("image", {
  filter: "img",
  replacement: (content, node) => {
    images += 1;
    const alt = node.getAttribute("alt") || "";
    const label = mode === "reader" ? `Image ${images}${alt ? ": " + alt : ""}` : alt;
    return `![${label}](${absolute(node.getAttribute("src") || "")})`;
  },
});
process.stdout.write(service.turndown(fs.readFileSync(input, "utf8")));
