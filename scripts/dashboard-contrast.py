"""WCAG 2 AA contrast (4.5:1) of every text colour of the dashboard.

The style sheet: each rule that sets `color` is measured against its own background when
it sets one, else against every surface text of that part of the page can sit on (the
masthead's dark tiles for `.masthead` and `.figure` rules, every light background of the
style sheet otherwise; white in print). The page: each SVG text against the fill of the
shape it is drawn on (the last one drawn before it whose box holds it), else the white card.

usage: python dashboard-contrast.py DASHBOARD-FOLDER   (exits 1 naming every pair below 4.5:1)
"""
import re
import sys

MINIMUM = 4.5
folder = sys.argv[1]
css = open(f"{folder}/dashboard.css", encoding="utf-8").read()
html = open(f"{folder}/index.html", encoding="utf-8").read()


def rgb(colour):
    colour = colour.strip().lower()
    if not re.fullmatch(r"#[0-9a-f]{3}|#[0-9a-f]{6}", colour):
        return None
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return tuple(int(digits[index:index + 2], 16) / 255 for index in (0, 2, 4))


def luminance(colour):
    def channel(value):
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    red, green, blue = (channel(value) for value in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


variables = dict(re.findall(r"(--[a-z-]+):\s*([^;]+);", css))


def resolve(value):
    value = value.strip()
    match = re.fullmatch(r"var\((--[a-z-]+)\)", value)
    return resolve(variables[match.group(1)]) if match else value


def declarations(body):
    found = {}
    for name, value in re.findall(r"([a-z-]+)\s*:\s*([^;]+)", body):
        found[name] = resolve(value)
    return found


# Rules as (in print, selectors, declarations), nested blocks of @media flattened.
rules = []
text = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
for media, block in re.findall(r"@media\s*([^{]*)\{((?:[^{}]*\{[^{}]*\})*)\s*\}", text):
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block):
        rules.append(("print" in media, selectors.strip(), declarations(body)))
top = re.sub(r"@media\s*[^{]*\{(?:[^{}]*\{[^{}]*\})*\s*\}", "", text)
for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", top):
    rules.append((False, selectors.strip(), declarations(body)))


def background(found):
    for key in ("background", "background-color"):
        if key in found:
            colour = rgb(found[key].split()[0])
            if colour:
                return colour
    return None


MASTHEAD = (".masthead", ".figure")
dark = [colour for printed, selectors, found in rules if not printed and any(part in selectors for part in MASTHEAD)
        for colour in [background(found)] if colour]
# A rule that sets both colours is a badge, not a surface other text sits on.
light = [colour for printed, _, found in rules if not printed and "color" not in found
         for colour in [background(found)] if colour and luminance(colour) > 0.5]
problems = []
checked = 0
for printed, selectors, found in rules:
    colour = rgb(found.get("color", ""))
    if not colour:
        continue
    own = background(found)
    masthead = any(part in selectors for part in MASTHEAD)
    surfaces = [own] if own else [rgb("#ffffff")] if printed else dark if masthead else light
    for surface in surfaces:
        checked += 1
        ratio = contrast(colour, surface)
        if ratio < MINIMUM:
            problems.append(f"{selectors}: {found['color']} on #{''.join(f'{round(v * 255):02x}' for v in surface)} is {ratio:.2f}:1")

# SVG text: on the fill of the last shape drawn before it whose box holds the text's
# anchor point, else on the white card.
def number(tag, name, default=0.0):
    match = re.search(rf'\b{name}="(-?[0-9.]+)"', tag)
    return float(match.group(1)) if match else default


for svg in re.findall(r"<svg .*?</svg>", html, flags=re.S):
    shapes = []
    for tag in re.findall(r"<(?:rect|polygon|text) [^>]*>", svg):
        fill = re.search(r'fill="(#[0-9a-fA-F]{3,6})"', tag)
        if not fill:
            continue
        if tag.startswith("<rect"):
            x, y = number(tag, "x"), number(tag, "y")
            shapes.append((x, y, x + number(tag, "width"), y + number(tag, "height"), fill.group(1)))
        elif tag.startswith("<polygon"):
            points = [tuple(map(float, point.split(","))) for point in re.search(r'points="([^"]+)"', tag).group(1).split()]
            xs, ys = [point[0] for point in points], [point[1] for point in points]
            shapes.append((min(xs), min(ys), max(xs), max(ys), fill.group(1)))
        else:
            x, y = number(tag, "x"), number(tag, "y") - 4
            under = [shape[4] for shape in shapes if shape[0] <= x <= shape[2] and shape[1] <= y <= shape[3]]
            surface = under[-1] if under else "#ffffff"
            checked += 1
            ratio = contrast(rgb(fill.group(1)), rgb(surface))
            if ratio < MINIMUM:
                problems.append(f"svg text {fill.group(1)} on {surface} is {ratio:.2f}:1: {tag}")

for problem in problems:
    print(f"check-dashboard: contrast under {MINIMUM}:1: {problem}", file=sys.stderr)
if not problems:
    print(f"{checked} text and background pairs at {MINIMUM}:1 or more")
sys.exit(1 if problems else 0)
