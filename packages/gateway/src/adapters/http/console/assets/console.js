// Kassa console: small progressive enhancements only; every page works without this file.

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
  if (button === null) return;
  const source = document.getElementById(button.getAttribute('data-copy') || '');
  if (source === null || !navigator.clipboard) return;
  navigator.clipboard.writeText(source.textContent || '').then(() => {
    button.textContent = 'Copied';
  });
});
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  const question = form.getAttribute('data-confirm');
  if (question !== null && !window.confirm(question)) event.preventDefault();
});
