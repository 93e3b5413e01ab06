// The lessons' live demonstrations. Every request they send is a plain fetch() to this shop.
(function () {
    'use strict';

    const format = (template, ...values) => values.reduce((text, value, i) => text.replace('{' + i + '}', value), template);

    // "Who am I to you?": the Stateless and Servers lessons ask the server several times, with or without cookies.
    document.querySelectorAll('[data-demo=echo]').forEach(button => {
        button.addEventListener('click', async () => {
            const list = document.querySelector(button.dataset.target);
            list.replaceChildren();
            button.disabled = true;
            try {
                for (let i = 0; i < Number(button.dataset.count); i++) {
                    const response = await fetch(list.dataset.url, { credentials: button.dataset.credentials, cache: 'no-store' });
                    const answer = await response.json();
                    const seen = !answer.cookieSent ? list.dataset.textStranger
                        : answer.session ? format(list.dataset.textKnown, answer.session, answer.cartItems)
                        : list.dataset.textUnknown;
                    const item = document.createElement('li');
                    item.dataset.testid = 'echo-answer';
                    item.dataset.cookieSent = String(answer.cookieSent);
                    item.dataset.session = answer.session || '';
                    item.dataset.instance = answer.instance || '';
                    item.textContent = seen + ' — ' + format(list.dataset.textInstance, answer.instance || list.dataset.textThisServer);
                    list.append(item);
                }
            } finally {
                button.disabled = false;
            }
        });
    });

    // The fixation lesson: the id this page showed last time, kept in this browser only.
    const remember = document.querySelector('[data-demo=remember-id]');
    if (remember) {
        const key = 'shopapp.learn.fixation';
        const now = remember.dataset.sessionHash || '';
        const before = localStorage.getItem(key);
        if (before !== null) {
            document.querySelector('[data-testid=fixation-before]').textContent = before || '—';
            const verdict = document.querySelector('[data-testid=fixation-verdict]');
            verdict.textContent = before === now ? verdict.dataset.textSame : verdict.dataset.textChanged;
            verdict.dataset.changed = String(before !== now);
            verdict.hidden = false;
        }
        localStorage.setItem(key, now);
    }
})();
