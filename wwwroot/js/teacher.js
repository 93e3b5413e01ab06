// The classroom dashboard: fetches the live part of the page every few seconds and swaps it in.
(function () {
    'use strict';

    const live = document.querySelector('[data-testid=classroom-live]');
    if (live) {
        const refresh = async () => {
            try {
                const response = await fetch(live.dataset.url, { cache: 'no-store' });
                if (response.ok) {
                    live.innerHTML = await response.text();
                }
            } catch (e) {
                // A missed refresh is followed by the next one.
            }
            setTimeout(refresh, Number(live.dataset.refreshSeconds) * 1000);
        };
        setTimeout(refresh, Number(live.dataset.refreshSeconds) * 1000);
    }

    document.querySelectorAll('form[data-confirm]').forEach(form => {
        form.addEventListener('submit', event => {
            if (!window.confirm(form.dataset.confirm)) {
                event.preventDefault();
            }
        });
    });
})();
