/**
 * The browser side of live updates, served at /assets/app.js: one EventSource on /api/v1/events;
 * every element with `data-live-src` re-fetches its HTML fragment when a case it follows changes
 * (`data-live-case` narrows it to one case). Plain JS, no build step, nothing loaded from elsewhere.
 */
export const liveUpdatesScript = `
(function () {
  var regions = document.querySelectorAll('[data-live-src]');
  if (!regions.length || !window.EventSource) return;
  var pending = null;
  var changedCases = {};
  var refreshAll = false;
  function refresh() {
    pending = null;
    var changed = changedCases; changedCases = {};
    var all = refreshAll; refreshAll = false;
    regions.forEach(function (region) {
      var only = region.getAttribute('data-live-case');
      if (only && !all && !changed[only]) return;
      fetch(region.getAttribute('data-live-src'), { credentials: 'same-origin', headers: { 'x-fragment': '1' } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) { region.innerHTML = html; region.setAttribute('data-refreshed', String(Date.now())); } })
        .catch(function () {});
    });
  }
  var source = new EventSource('/api/v1/events');
  // A change between the page's rendering and this subscription would be missed: catch up once on (re)connect.
  source.addEventListener('ready', function () {
    document.body.setAttribute('data-live', 'connected');
    refreshAll = true;
    if (!pending) pending = setTimeout(refresh, 0);
  });
  source.addEventListener('case_changed', function (event) {
    try { changedCases[JSON.parse(event.data).caseId] = true; } catch (e) {}
    if (!pending) pending = setTimeout(refresh, 100);
  });
})();
`;
