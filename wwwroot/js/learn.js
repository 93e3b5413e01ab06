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
    // The Tokens lesson: a token from POST /api/token, kept in this tab's sessionStorage, reads GET /api/orders
    // whether or not the browser's session is still signed in.
    const tokens = document.querySelector('[data-demo=tokens]');
    if (tokens) {
        const key = 'shopapp.learn.token';
        const panel = tokens.querySelector('[data-testid=token-panel]');
        const problem = tokens.querySelector('[data-testid=token-problem]');
        const answers = tokens.querySelector('[data-testid=token-answers]');
        const expiry = tokens.querySelector('[data-testid=token-expiry]');
        const payloadOf = token => JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
        let timer;
        const show = () => {
            const token = sessionStorage.getItem(key);
            panel.hidden = !token;
            clearInterval(timer);
            if (!token) {
                return;
            }
            const claims = payloadOf(token);
            tokens.querySelector('[data-testid=token-claims]').textContent = JSON.stringify(claims, null, 2);
            const tick = () => {
                const left = Math.round(claims.exp - Date.now() / 1000);
                expiry.textContent = left > 0 ? format(tokens.dataset.textExpires, left) : tokens.dataset.textExpired;
                expiry.dataset.expired = String(left <= 0);
            };
            tick();
            timer = setInterval(tick, 1000);
        };
        tokens.querySelector('[data-testid=token-form]').addEventListener('submit', async event => {
            event.preventDefault();
            problem.textContent = '';
            const response = await fetch('/api/token', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ email: tokens.querySelector('#token-email').value, password: tokens.querySelector('#token-password').value }),
            });
            const body = await response.json();
            if (!response.ok) {
                problem.textContent = body.detail || body.title;
                return;
            }
            sessionStorage.setItem(key, body.access_token);
            answers.replaceChildren();
            show();
        });
        tokens.querySelector('[data-testid=token-read-orders]').addEventListener('click', async () => {
            const response = await fetch('/api/orders', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(key) }, credentials: 'omit' });
            const item = document.createElement('li');
            item.dataset.testid = 'token-answer';
            item.dataset.status = String(response.status);
            item.textContent = response.ok
                ? format(tokens.dataset.textStatus, response.status, (await response.json()).length)
                : format(tokens.dataset.textRefused, response.status);
            answers.append(item);
            // And the session, for comparison: the orders page opens only while this browser is signed in.
            const page = await fetch('/Orders', { redirect: 'manual', cache: 'no-store' });
            tokens.querySelector('[data-testid=token-session]').textContent = page.type === 'opaqueredirect' ? tokens.dataset.textSessionOut : tokens.dataset.textSessionIn;
        });
        tokens.querySelector('[data-testid=token-forget]').addEventListener('click', () => {
            sessionStorage.removeItem(key);
            show();
        });
        show();
    }
    // The HttpOnly lesson: what document.cookie shows this page's scripts, and an inline script the CSP blocks.
    const httpOnly = document.querySelector('[data-demo=httponly]');
    if (httpOnly) {
        const readable = () => document.cookie.split(';').map(c => c.trim()).filter(c => c.length > 0);
        const names = readable().map(c => decodeURIComponent(c.split('=')[0]));
        httpOnly.querySelectorAll('[data-testid=httponly-cookie]').forEach(row => {
            const cell = row.querySelector('[data-testid=httponly-visible]');
            const visible = names.includes(row.dataset.name);
            cell.dataset.visible = String(visible);
            cell.textContent = row.dataset.sent === 'true' ? (visible ? httpOnly.dataset.textYes : httpOnly.dataset.textNo) : '—';
        });
        httpOnly.querySelector('[data-testid=httponly-steal]').addEventListener('click', () => {
            // What an injected script does first: read every cookie it can see. (This one sends it nowhere.)
            const stolen = readable();
            const out = httpOnly.querySelector('[data-testid=httponly-stolen]');
            out.dataset.names = stolen.map(c => c.split('=')[0]).join(',');
            out.textContent = format(httpOnly.dataset.textStolen, stolen.length ? stolen.join('; ') : httpOnly.dataset.textNothing);
        });
        const csp = httpOnly.querySelector('[data-testid=httponly-csp]');
        document.addEventListener('securitypolicyviolation', event => {
            csp.dataset.blocked = 'true';
            csp.textContent = format(httpOnly.dataset.textBlocked, event.violatedDirective);
        });
        httpOnly.querySelector('[data-testid=httponly-inline]').addEventListener('click', () => {
            // The shape of a stored XSS: a script element with code in it, added to the page.
            const script = document.createElement('script');
            script.textContent = "document.querySelector('[data-testid=httponly-csp]').dataset.ran = 'true';";
            document.body.append(script);
            if (csp.dataset.ran === 'true') {
                csp.textContent = httpOnly.dataset.textRan;
            }
        });
    }
    // The cookie-size lesson: the server writes a Flask-style cookie one line longer each time; what the browser
    // sends back on the next request shows whether it kept it. The first refusal ends the run.
    const size = document.querySelector('[data-demo=cookie-size]');
    if (size) {
        const form = size.querySelector('[data-testid=cookie-size-form]');
        const steps = size.querySelector('[data-testid=cookie-size-steps]');
        const verdict = size.querySelector('[data-testid=cookie-size-verdict]');
        let last = null;
        const grow = async () => {
            const response = await fetch(location.pathname + '?handler=Grow', {
                method: 'POST',
                headers: { RequestVerificationToken: form.querySelector('input[name=__RequestVerificationToken]').value },
            });
            const answer = await response.json();
            const back = answer.sentBack || { lines: 0, bytes: 0 };
            if (last && back.lines < last.lines) {
                steps.lastElementChild.dataset.kept = 'false';
                steps.lastElementChild.textContent += ' — ' + size.dataset.textLost;
                verdict.dataset.stoppedAt = String(last.bytes);
                verdict.dataset.keptBytes = String(back.bytes);
                verdict.textContent = format(size.dataset.textStopped, last.bytes, last.lines, back.bytes, back.lines);
                last = null;
                return false;
            }
            if (steps.lastElementChild) {
                steps.lastElementChild.dataset.kept = 'true';
            }
            const step = document.createElement('li');
            step.dataset.testid = 'cookie-size-step';
            step.dataset.lines = String(answer.written.lines);
            step.dataset.bytes = String(answer.written.bytes);
            step.textContent = format(size.dataset.textRow, answer.written.lines, answer.written.bytes, answer.sentBack ? back.bytes : size.dataset.textFirst);
            steps.append(step);
            last = answer.written;
            return true;
        };
        size.querySelector('[data-testid=cookie-size-grow]').addEventListener('click', grow);
        size.querySelector('[data-testid=cookie-size-run]').addEventListener('click', async event => {
            event.target.disabled = true;
            try {
                for (let i = 0; i < 200 && await grow(); i++) { }
            } finally {
                event.target.disabled = false;
            }
        });
    }
    // The CSRF lesson: the forged forms open other tabs; coming back shows the counter and a fresh token.
    if (document.querySelector('[data-demo=csrf]')) {
        document.addEventListener('visibilitychange', () => {
            if (document.visibilityState === 'visible') {
                location.reload();
            }
        });
    }
})();
