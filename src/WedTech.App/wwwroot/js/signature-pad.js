// A signature drawn on a canvas with a finger, a pen or the mouse (pointer events; the canvas's CSS has touch-action: none so a
// finger draws instead of scrolling the page), read back as a PNG data URL.
const drawn = new WeakMap();

export function attach(canvas) {
    const context = canvas.getContext('2d');
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#1b1b3a';
    let last = null;
    const point = (event) => {
        const box = canvas.getBoundingClientRect();
        return { x: (event.clientX - box.left) * canvas.width / box.width, y: (event.clientY - box.top) * canvas.height / box.height };
    };
    canvas.addEventListener('pointerdown', (event) => {
        event.preventDefault();
        last = point(event);
        canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointermove', (event) => {
        if (!last) return;
        event.preventDefault();
        const next = point(event);
        context.beginPath();
        context.moveTo(last.x, last.y);
        context.lineTo(next.x, next.y);
        context.stroke();
        last = next;
        drawn.set(canvas, true);
    });
    for (const end of ['pointerup', 'pointercancel', 'pointerleave']) {
        canvas.addEventListener(end, () => { last = null; });
    }
}

// The drawing as a PNG data URL, or null when nothing was drawn.
export function read(canvas) {
    return drawn.get(canvas) ? canvas.toDataURL('image/png') : null;
}

export function clear(canvas) {
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    drawn.delete(canvas);
}
