/**
 * The browser side of live updates, served at /assets/app.js: one EventSource on /api/v1/events;
 * every element with `data-live-src` re-fetches its HTML fragment when a case it follows changes
 * (`data-live-case` narrows it to one case). Plain JS, no build step, nothing loaded from elsewhere.
 *
 * A change is fetched at once (no debounce: the note a colleague just added should show now);
 * changes arriving while a fetch runs, or within the region's minimum gap of its start (250 ms, or
 * `data-live-min-gap-ms`), collapse into one more fetch afterwards, so a burst costs a region a
 * few renders a second, not one per change.
 * Open disclosures and the focused control (by id) survive the swap. While `body[data-live-hold]` is
 * set (drag-assign-script.ts, during a drag or a choice in a one-click form) swaps wait, and
 * resume on the document event `live:release`.
 */
export const liveUpdatesScript = `
(function () {
  var regions = Array.prototype.slice.call(document.querySelectorAll('[data-live-src]'));
  if (!regions.length || !window.EventSource) return;
  var states = regions.map(function (region) {
    var minGapMs = Number(region.getAttribute('data-live-min-gap-ms')) || 250;
    return { region: region, minGapMs: minGapMs, isLoading: false, isStale: false, timer: null, startedAt: -Infinity };
  });
  function swap(region, html) {
    var openIds = Array.prototype.map.call(region.querySelectorAll('details[open][id]'), function (el) { return el.id; });
    var focused = document.activeElement;
    var focusedId = focused && focused.id && region.contains(focused) ? focused.id : null;
    region.innerHTML = html;
    openIds.forEach(function (id) { var el = document.getElementById(id); if (el) el.open = true; });
    if (focusedId) { var again = document.getElementById(focusedId); if (again) again.focus(); }
    region.setAttribute('data-refreshed', String(Date.now()));
  }
  function load(state) {
    state.timer = null;
    state.isLoading = true;
    state.isStale = false;
    state.startedAt = Date.now();
    fetch(state.region.getAttribute('data-live-src'), { credentials: 'same-origin', headers: { 'x-fragment': '1' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) swap(state.region, html); })
      .catch(function () {})
      .then(function () {
        state.isLoading = false;
        if (state.isStale) request(state);
      });
  }
  function request(state) {
    // A gesture in progress (a case being dragged onto an agent) must not lose its elements: wait for 'live:release'.
    if (document.body.hasAttribute('data-live-hold')) { state.isHeld = true; return; }
    if (state.isLoading) { state.isStale = true; return; }
    if (state.timer) return;
    var waitMs = state.startedAt + state.minGapMs - Date.now();
    if (waitMs <= 0) load(state);
    else state.timer = setTimeout(function () { load(state); }, waitMs);
  }
  function refresh(caseId) {
    states.forEach(function (state) {
      var only = state.region.getAttribute('data-live-case');
      if (caseId && only && only !== caseId) return;
      request(state);
    });
  }
  document.addEventListener('live:release', function () {
    states.forEach(function (state) { if (state.isHeld) { state.isHeld = false; request(state); } });
  });
  var source = new EventSource('/api/v1/events');
  // A change between the page's rendering and this subscription would be missed: catch up once on (re)connect.
  source.addEventListener('ready', function () {
    document.body.setAttribute('data-live', 'connected');
    refresh(null);
  });
  source.addEventListener('case_changed', function (event) {
    var caseId = null;
    try { caseId = JSON.parse(event.data).caseId; } catch (e) { return; }
    refresh(caseId);
  });
})();
`;
