// The contract signing page: the app's own drawing pad (a finger, a pen or the mouse), its drawing kept in the form's
// field as a PNG data URL. Without this script the page still shows the contract; signing needs the drawing.
import { attach, read, clear } from "/app/js/signature-pad.js";

const canvas = document.getElementById("signature-pad");
const field = document.getElementById("signature-data");
if (canvas && field) {
    attach(canvas);
    const keep = () => { field.value = read(canvas) ?? ""; };
    for (const end of ["pointerup", "pointercancel", "pointerleave"]) {
        canvas.addEventListener(end, keep);
    }
    canvas.closest("form")?.addEventListener("submit", keep);
    document.getElementById("signature-clear")?.addEventListener("click", () => {
        clear(canvas);
        field.value = "";
    });
}
