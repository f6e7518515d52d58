// Measures a page as it prints on A4 portrait (read by tests/cli/html_a4.py, which puts this
// script at the end of a copy of the page). Print media is emulated: every `@media print` rule
// applies and every `@media screen` rule does not; the page is laid out at the width of A4
// (210 mm) less the left and right margins of its `@page` rule. Then, in document order:
//   - every table's width and scroll width against the width its container gives it, and every
//     cell whose content is wider than the cell;
//   - a cell that is one word of at most 30 characters (an id, a code, an amount), and every
//     date and rule id, on one line;
//   - every cell of a table with a header row that holds a figure (amount, percent, hours)
//     right-aligned;
//   - the page itself no wider than the printable width.
// The result replaces nothing: it is written as lines into <pre id="a4-result">.
(function () {
  const px_per_mm = 96 / 25.4;
  const lines = [];
  const mm = (value) => {
    const m = /^([\d.]+)mm$/.exec(value || "");
    return m ? parseFloat(m[1]) : null;
  };
  let left = null;
  let right = null;
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (rule instanceof CSSMediaRule) {
        if (/\bprint\b/.test(rule.media.mediaText)) rule.media.mediaText = "all";
        else if (/\bscreen\b/.test(rule.media.mediaText)) rule.media.mediaText = "not all";
      } else if (rule instanceof CSSPageRule) {
        if (!/a4/i.test(rule.style.getPropertyValue("size"))) lines.push("PAGE @page size is not A4");
        left = mm(rule.style.marginLeft);
        right = mm(rule.style.marginRight);
      }
    }
  }
  if (left === null || right === null) {
    lines.push("PAGE no @page rule with left and right margins in mm");
    left = right = 0;
  }
  const width = (210 - left - right) * px_per_mm;
  const root = document.documentElement;
  root.style.width = width + "px";
  root.style.margin = "0";
  root.style.padding = "0";
  lines.push(`WIDTH ${width.toFixed(1)} px (210 mm less ${left} + ${right} mm)`);

  const clean = (s) => s.replace(/\s+/g, " ").trim();
  const short = (s) => (s.length > 60 ? s.slice(0, 57) + "…" : s);
  let heading = "(before any heading)";
  let count = 0;
  const slack = 0.5;
  for (const el of document.querySelectorAll("h1, h2, h3, h4, table")) {
    if (el.tagName !== "TABLE") {
      heading = clean(el.textContent);
      continue;
    }
    count += 1;
    const name = `table ${count} '${short(heading)}'`;
    const box = el.getBoundingClientRect();
    const parent = el.parentElement;
    const cs = getComputedStyle(parent);
    const room = parent.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const wide = Math.max(box.width, el.scrollWidth);
    if (wide > room + slack || box.right > width + slack) {
      lines.push(`OVERFLOW ${name}: ${wide.toFixed(1)} px wide, ${room.toFixed(1)} px of room` +
                 ` (right edge ${box.right.toFixed(1)} of ${width.toFixed(1)} px)`);
    } else {
      lines.push(`OK ${name}: ${wide.toFixed(1)} of ${room.toFixed(1)} px`);
    }
    for (const cell of el.querySelectorAll("td, th")) {
      const text = clean(cell.textContent);
      if (cell.scrollWidth > cell.clientWidth + 1) {
        lines.push(`CELL ${name}: '${short(text)}' is ${cell.scrollWidth} px in a ${cell.clientWidth} px cell`);
      }
      // On one line: a cell that is one word of at most 30 characters (an id, a code, a
      // person's role pseudonym, a figure), and anywhere a date or a rule id. (A hyphenated word
      // of running text may break at its hyphen.)
      const single = !/\s/.test(text) && [...text].length <= 30;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const re = /\S+/g;
        for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
          if ([...m[0]].length > 30) continue;
          if (!single && !/^\d{4}-\d{2}/.test(m[0]) && !/^[a-z]+\.[a-z][a-z-]*,?$/.test(m[0])) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) lines.push(`BROKEN ${name}: '${m[0]}' is broken over ${tops.size} lines`);
        }
      }
      // A figure (an amount with öre or thousands, a percent, hours) is right-aligned; a bare
      // integer may be a code (an account, a voucher) and is not judged.
      const figure = /^[−-]?\d{1,3}([\u00a0\u202f ,]\d{3})*([.,]\d+)?( ?(%|kr|h))?$/.test(text) &&
                     /[\u00a0\u202f ,.%]|kr|h/.test(text);
      // Only in tables with a header row: a table of labelled facts (label, value) is text.
      if (cell.tagName === "TD" && el.tHead && figure &&
          getComputedStyle(cell).textAlign !== "right") {
        lines.push(`ALIGN ${name}: the number '${text}' is not right-aligned`);
      }
    }
  }
  if (root.scrollWidth > width + slack) {
    lines.push(`OVERFLOW page: ${root.scrollWidth} px wide, ${width.toFixed(1)} px printable`);
  }
  lines.push(`TABLES ${count}`);
  const pre = document.createElement("pre");
  pre.id = "a4-result";
  pre.textContent = lines.join("\n");
  document.body.appendChild(pre);
})();
