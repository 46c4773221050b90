// mops dashboard: live post states on pages that show posts, from the API's server-sent events. No framework, no build.
(() => {
  "use strict";
  const labels = { PendingApproval: "Awaiting approval" };
  const symbols = { Draft: "✎", PendingApproval: "◐", Scheduled: "◷", Publishing: "↻", Published: "✓", Failed: "✕", Unconfirmed: "?", Cancelled: "⊘", Missed: "!" };
  const live = document.querySelector("[data-live-calendar], [data-live-post]");
  if (!live || !window.EventSource) return;
  const note = document.querySelector("[data-live-note]");
  const calendar = live.matches("[data-live-calendar]");

  // A shown post takes its new state at once, in symbol and word as well as colour.
  const restate = (change) => {
    const shown = document.querySelectorAll(`[data-post-id="${CSS.escape(change.id)}"]`);
    for (const element of shown) {
      for (const css of [...element.classList]) if (css.startsWith("state-")) element.classList.remove(css);
      element.classList.add("state-" + change.state.toLowerCase());
      const badge = element.querySelector(".badge") || (element.classList.contains("badge") ? element : null);
      if (badge) {
        for (const css of [...badge.classList]) if (css.startsWith("state-")) badge.classList.remove(css);
        badge.classList.add("state-" + change.state.toLowerCase());
        badge.dataset.state = change.state;
        badge.querySelector(".sym").textContent = symbols[change.state] || "•";
        badge.querySelector(".label").textContent = labels[change.state] || change.state;
      }
    }
    return shown.length;
  };

  // The calendar then reads itself again from the server (counts per day, new and moved posts, "+N more"): one request
  // at a time, a burst of changes folded into the next one, and the focused link found again after the swap.
  let fetching = false;
  let again = false;
  const refresh = async () => {
    if (fetching) { again = true; return; }
    fetching = true;
    try {
      const response = await fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (!response.ok || response.redirected) {
        if (note) note.textContent = "Posts changed since this page was loaded; reload to see them.";
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-live-calendar]");
      const current = document.querySelector("[data-live-calendar]");
      if (!fresh || !current) return;
      const focused = current.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
      current.replaceWith(document.adoptNode(fresh));
      if (focused) fresh.querySelector(`[href="${CSS.escape(focused)}"]`)?.focus();
      fresh.dataset.refreshed = String(Number(current.dataset.refreshed || 0) + 1);
    } catch {
      if (note) note.textContent = "Posts changed since this page was loaded; reload to see them.";
    } finally {
      fetching = false;
      if (again) { again = false; refresh(); }
    }
  };

  const events = new EventSource("/api/v1/events");
  events.addEventListener("post", (message) => {
    const change = JSON.parse(message.data);
    const shown = restate(change);
    if (calendar) {
      refresh();
    } else if (shown === 0 && note) {
      note.textContent = "Posts changed since this page was loaded; reload to see them.";
    }
  });
})();
