// The light/dark choice made with the app bar's button, kept in this browser. Absent: follow the system.
const key = "knockadmin-theme";

export function readThemeChoice() {
    return window.localStorage.getItem(key);
}

export function writeThemeChoice(choice) {
    window.localStorage.setItem(key, choice);
}
