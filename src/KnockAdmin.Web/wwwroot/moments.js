// Counts the seconds of the panel's moments in the browser. The server renders absolute times (data-since: when an
// address last knocked, data-until: when its state ends, in Unix milliseconds) and leaves the element empty; the
// words here change each second without the server re-rendering anything.
let offset = 0;
let started = false;
let scheduled = false;

// serverNow corrects for a browser clock that differs from the server's.
export function start(serverNow) {
    offset = serverNow - Date.now();
    if (started) {
        return;
    }

    started = true;
    update();
    window.setInterval(update, 1000);
    new MutationObserver(schedule).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-since", "data-until"] });
}

function schedule() {
    if (!scheduled) {
        scheduled = true;
        window.requestAnimationFrame(() => {
            scheduled = false;
            update();
        });
    }
}

function update() {
    const now = Date.now() + offset;
    for (const element of document.querySelectorAll("[data-since]")) {
        write(element, `knocked ${duration(now - Number(element.dataset.since))} ago`);
    }

    for (const element of document.querySelectorAll("[data-until]")) {
        const left = Number(element.dataset.until) - now;
        write(element, left > 0 ? `expires in ${duration(left)}` : "expired");
    }
}

function write(element, text) {
    if (element.textContent !== text) {
        element.textContent = text;
    }
}

function duration(milliseconds) {
    const seconds = Math.floor(milliseconds / 1000);
    if (seconds < 1) {
        return "<1 s";
    }

    if (seconds < 60) {
        return `${seconds} s`;
    }

    if (seconds < 3600) {
        return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
    }

    return `${Math.floor(seconds / 3600)} h ${Math.floor(seconds / 60) % 60} min`;
}
