// Teaching mode's session inspector: keeps the panel open across pages, marks what the last action changed
// (compared with the snapshot the previous page showed), and counts the idle time down. It never asks the server
// for anything: polling would itself be a request, and would keep the session alive.
(function () {
    'use strict';

    const openKey = 'shopapp.inspector.open';
    const lastKey = 'shopapp.inspector.last';

    const panel = document.querySelector('[data-testid=session-inspector]');
    if (panel) {
        const toggle = panel.querySelector('[data-testid=session-inspector-toggle]');
        const body = panel.querySelector('[data-testid=session-inspector-body]');
        const show = open => {
            body.hidden = !open;
            toggle.setAttribute('aria-expanded', String(open));
        };
        show(localStorage.getItem(openKey) === 'true');
        toggle.addEventListener('click', () => {
            const open = body.hidden;
            localStorage.setItem(openKey, String(open));
            show(open);
        });
    }

    const snapshot = document.querySelector('[data-testid=session-snapshot]');
    if (!snapshot) {
        return;
    }
    const format = (template, value) => template.replace('{0}', value);

    // What changed since the previous page of this tab.
    const entries = {};
    snapshot.querySelectorAll('[data-testid=session-entry]').forEach(entry => {
        entries[entry.dataset.key] = Number(entry.dataset.bytes);
    });
    const now = { hash: snapshot.dataset.sessionHash || '', entries: entries };
    let before = null;
    try {
        before = JSON.parse(sessionStorage.getItem(lastKey) || 'null');
    } catch (e) {
        before = null;
    }
    if (before) {
        const mark = (key, text, kind) => {
            const slot = snapshot.querySelector('[data-change-for="' + CSS.escape(key) + '"]');
            if (slot) {
                slot.textContent = text;
                slot.dataset.change = kind;
                slot.classList.add('badge', kind === 'shrank' ? 'text-bg-secondary' : 'text-bg-success');
            }
        };
        if (before.hash && now.hash && before.hash !== now.hash) {
            mark('id', snapshot.dataset.textNewId, 'new-id');
        }
        Object.keys(now.entries).forEach(key => {
            const was = before.entries[key];
            const size = now.entries[key];
            if (was === undefined) {
                mark(key, snapshot.dataset.textNew, 'new');
            } else if (size > was) {
                mark(key, format(snapshot.dataset.textBytes, '+' + (size - was)), 'grew');
            } else if (size < was) {
                mark(key, format(snapshot.dataset.textBytes, '−' + (was - size)), 'shrank');
            }
        });
        const removed = Object.keys(before.entries).filter(key => !(key in now.entries));
        const line = snapshot.querySelector('[data-testid=session-removed]');
        if (removed.length > 0 && line) {
            line.textContent = format(snapshot.dataset.textRemoved, removed.join(', '));
            line.hidden = false;
        }
    }
    sessionStorage.setItem(lastKey, JSON.stringify(now));

    // The idle countdown: the session ends that long after this page's request if no other request comes.
    const left = snapshot.querySelector('[data-testid=session-time-left]');
    if (left) {
        const ends = Date.now() + Number(left.dataset.seconds) * 1000;
        const tick = () => {
            const seconds = Math.max(0, Math.round((ends - Date.now()) / 1000));
            if (seconds === 0) {
                left.textContent = left.dataset.expiredText;
                left.dataset.expired = 'true';
                return;
            }
            left.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
            setTimeout(tick, 1000);
        };
        tick();
    }
})();
