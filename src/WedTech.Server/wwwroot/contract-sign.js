// The contract signing page: draw a signature on the canvas with a finger, a pen or the mouse (pointer events), and send it
// with the form as a PNG data URL. Without this script the page still shows the contract; signing needs the drawing.
(function () {
    var canvas = document.getElementById("signature-pad");
    var field = document.getElementById("signature-data");
    var clear = document.getElementById("signature-clear");
    if (!canvas || !field) { return; }
    var context = canvas.getContext("2d");
    var drawing = false, drawn = false, last = null;
    context.lineWidth = 3;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.strokeStyle = "#1b1b3a";

    function point(event) {
        var box = canvas.getBoundingClientRect();
        return { x: (event.clientX - box.left) * canvas.width / box.width, y: (event.clientY - box.top) * canvas.height / box.height };
    }
    function start(event) {
        event.preventDefault();
        drawing = true;
        last = point(event);
        if (canvas.setPointerCapture && event.pointerId !== undefined) { canvas.setPointerCapture(event.pointerId); }
    }
    function move(event) {
        if (!drawing) { return; }
        event.preventDefault();
        var next = point(event);
        context.beginPath();
        context.moveTo(last.x, last.y);
        context.lineTo(next.x, next.y);
        context.stroke();
        last = next;
        drawn = true;
    }
    function end() {
        if (!drawing) { return; }
        drawing = false;
        if (drawn) { field.value = canvas.toDataURL("image/png"); }
    }
    canvas.addEventListener("pointerdown", start);
    canvas.addEventListener("pointermove", move);
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.addEventListener("pointerleave", end);
    if (clear) {
        clear.addEventListener("click", function () {
            context.clearRect(0, 0, canvas.width, canvas.height);
            field.value = "";
            drawn = false;
        });
    }
})();
