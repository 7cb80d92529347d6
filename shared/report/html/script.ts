/**
 * The HTML report's only script, inlined and allowed by its hash in the page's CSP. It enhances what
 * already works without it: the process table gets a filter box and sortable headers (sorting on the
 * cells' data-v keys), and printing opens every folded section. Plain ES2017, no library; keep it ASCII.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('proc-table');
  var controls = document.getElementById('proc-controls');
  if (table && controls && table.tBodies[0] && table.tHead) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var input = document.getElementById('proc-filter');
    var count = document.getElementById('proc-count');
    var template = count ? count.getAttribute('data-template') || '' : '';
    var update = function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r) {
        var hit = q === '' || r.textContent.toLowerCase().indexOf(q) !== -1;
        r.hidden = !hit;
        if (hit) shown++;
      });
      if (count) count.textContent = template.replace('{shown}', shown).replace('{total}', rows.length);
    };
    controls.hidden = false;
    input.addEventListener('input', update);
    update();

    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var key = function (row, col, num) {
      var v = row.cells[col] ? row.cells[col].getAttribute('data-v') : null;
      if (v === null) v = row.cells[col] ? row.cells[col].textContent : '';
      if (!num) return v;
      var n = parseFloat(v);
      return isNaN(n) ? -Infinity : n;
    };
    var sortBy = function (col) {
      var th = heads[col];
      var num = th.classList.contains('num');
      var was = th.getAttribute('aria-sort');
      var dir = was ? (was === 'ascending' ? 'descending' : 'ascending') : num ? 'descending' : 'ascending';
      heads.forEach(function (x) { x.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var sign = dir === 'ascending' ? 1 : -1;
      rows.sort(function (a, b) {
        var x = key(a, col, num);
        var y = key(b, col, num);
        if (num) return (x - y) * sign || 0;
        return String(x).localeCompare(String(y)) * sign;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    };
    heads.forEach(function (th, col) {
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = th.textContent;
      b.title = th.getAttribute('data-sort-title') || '';
      th.textContent = '';
      th.appendChild(b);
      b.addEventListener('click', function () { sortBy(col); });
    });
  }

  // Print everything: open closed sections and folds for the printout, restore them afterwards.
  var reopened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) {
      d.open = true;
      reopened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    reopened.forEach(function (d) { d.open = false; });
    reopened = [];
  });
})();
`;
