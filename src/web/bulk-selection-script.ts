/**
 * Ticks for bulk actions, served in /assets/app.js. A live refresh redraws the case list and would
 * clear the ticks, so they are remembered per form and put back after every redraw. It also shows
 * the "select every case" box (useless without scripts, so hidden in the HTML) and says how many
 * cases are ticked.
 */
export const bulkSelectionScript = `
(function () {
  var ticked = {};
  function boxesOf(formId) { return document.querySelectorAll('input[name="caseId"][form="' + formId + '"]'); }
  function tickedOf(formId) { return ticked[formId] || (ticked[formId] = {}); }
  function sync() {
    document.querySelectorAll('table[data-select-form]').forEach(function (table) {
      var formId = table.getAttribute('data-select-form');
      var memory = tickedOf(formId);
      var boxes = boxesOf(formId);
      var count = 0;
      boxes.forEach(function (box) { box.checked = !!memory[box.value]; if (box.checked) count++; });
      var all = table.querySelector('[data-select-all]');
      if (all) { all.hidden = false; all.checked = boxes.length > 0 && count === boxes.length; all.indeterminate = count > 0 && count < boxes.length; }
      var output = document.querySelector('output[for="' + formId + '"]');
      var words = count === 0 ? '' : count + (count === 1 ? ' case ticked.' : ' cases ticked.');
      // Only on change: writing text is itself a mutation, and the observer would loop.
      if (output && output.textContent !== words) output.textContent = words;
    });
  }
  document.addEventListener('change', function (event) {
    var target = event.target;
    if (!target || target.tagName !== 'INPUT') return;
    if (target.name === 'caseId' && target.getAttribute('form')) {
      tickedOf(target.getAttribute('form'))[target.value] = target.checked;
    } else if (target.hasAttribute('data-select-all')) {
      var formId = target.closest('table').getAttribute('data-select-form');
      boxesOf(formId).forEach(function (box) { tickedOf(formId)[box.value] = target.checked; });
    } else return;
    sync();
  });
  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) return;
    scheduled = true;
    Promise.resolve().then(function () { scheduled = false; sync(); });
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', function () {
    // The browser may have restored ticks (back button): take them as the starting point.
    document.querySelectorAll('input[name="caseId"][form]').forEach(function (box) { if (box.checked) tickedOf(box.getAttribute('form'))[box.value] = true; });
    sync();
  });
})();
`;
