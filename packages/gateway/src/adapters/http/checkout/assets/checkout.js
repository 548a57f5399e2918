// Kassa checkout: live status, countdowns, copy buttons. The page works without this file.
(() => {
  const main = document.getElementById('main');
  const view = document.getElementById('view');
  if (main === null || view === null || main.dataset.events === undefined) return;
  const live = document.getElementById('live');
  const timer = document.getElementById('timer');
  const countdown = document.getElementById('countdown');
  const POLL_MS = 5000;
  let version = main.dataset.version;
  let deadline = Date.now() + Number(timer?.dataset.remainingMs ?? 0);
  let redirecting = null;

  const pad = (n) => String(n).padStart(2, '0');
  const formatRemaining = (ms) => {
    const total = Math.ceil(Math.max(ms, 0) / 1000);
    return `${Math.floor(total / 3600)}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  };
  const tick = () => {
    if (countdown !== null && timer !== null && !timer.hidden)
      countdown.textContent = formatRemaining(deadline - Date.now());
  };
  setInterval(tick, 1000);

  const copyText = async (text) => {
    if (navigator.clipboard !== undefined && window.isSecureContext) return navigator.clipboard.writeText(text);
    // Plain-HTTP pages (a shop's LAN, the dev chain) have no async clipboard.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  };

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const copy = target?.closest('button[data-copy]');
    if (copy instanceof HTMLButtonElement) {
      copyText(copy.dataset.copy ?? '').then(
        () => {
          const label = copy.textContent;
          copy.textContent = copy.dataset.copied ?? label;
          copy.classList.add('copied');
          if (live !== null) live.textContent = copy.dataset.copied ?? '';
          setTimeout(() => {
            copy.textContent = label;
            copy.classList.remove('copied');
          }, 2000);
        },
        () => undefined,
      );
      return;
    }
    if (target?.closest('button[data-stay]')) stopRedirect();
  });

  // One submission at a time: a second tap would quote twice.
  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.dataset.busy === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.busy = 'true';
    event.submitter?.setAttribute('aria-busy', 'true');
  });

  const startRedirect = () => {
    const note = view.querySelector('[data-redirect]');
    if (!(note instanceof HTMLElement) || redirecting !== null) return;
    const url = new URL(note.dataset.redirect ?? '', location.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    let seconds = Number(note.dataset.seconds ?? 10);
    const show = () => {
      note.textContent = (note.dataset.template ?? '').replace('{seconds}', String(seconds));
    };
    show();
    note.hidden = false;
    for (const stay of view.querySelectorAll('button[data-stay]')) stay.hidden = false;
    redirecting = setInterval(() => {
      seconds -= 1;
      show();
      if (seconds <= 0) {
        stopRedirect();
        location.assign(url.href);
      }
    }, 1000);
  };
  const stopRedirect = () => {
    if (redirecting !== null) clearInterval(redirecting);
    redirecting = null;
    for (const el of view.querySelectorAll('[data-redirect],button[data-stay]')) el.hidden = true;
  };

  const enhance = () => {
    for (const button of view.querySelectorAll('button[data-copy]')) button.hidden = false;
    startRedirect();
  };

  const apply = (state) => {
    if (timer !== null) {
      timer.hidden = !state.showTimer;
      deadline = Date.now() + state.remainingMs;
      tick();
    }
    if (state.version === version) return;
    version = state.version;
    const hadFocus = view.contains(document.activeElement);
    const parsed = new DOMParser().parseFromString(state.html, 'text/html');
    stopRedirect();
    view.replaceChildren(...parsed.body.childNodes);
    view.dataset.view = state.view;
    enhance();
    if (live !== null) live.textContent = state.announce;
    if (hadFocus) {
      const heading = view.querySelector('h2');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    }
  };

  let polling = false;
  const poll = () => {
    if (polling) return;
    polling = true;
    const next = () => setTimeout(run, POLL_MS);
    const run = () =>
      fetch(main.dataset.poll ?? '', { cache: 'no-store', headers: { accept: 'application/json' } })
        .then((response) => (response.ok ? response.json() : null))
        .then((state) => state !== null && apply(state))
        .catch(() => undefined)
        .finally(next);
    next();
  };

  if (typeof EventSource === 'function') {
    const events = new EventSource(main.dataset.events);
    events.addEventListener('state', (event) => apply(JSON.parse(event.data)));
    // Closed for good (refused, proxy without streaming): fall back to polling.
    events.addEventListener('error', () => {
      if (events.readyState === EventSource.CLOSED) poll();
    });
  } else {
    poll();
  }
  enhance();
  tick();
})();
