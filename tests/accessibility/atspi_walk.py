#!/usr/bin/python3
"""AT-SPI walk of every page of the patient app (issue 9, ADR 0021).

Starts a private X server (Xvfb), a private D-Bus session (dbus-run-session, which activates the
AT-SPI bus and registry from at-spi2-core) and the real `companion` binary on the xcb platform
with Qt's AT-SPI bridge forced on, then looks at the app only through the accessibility tree, the
way a screen reader does. Two runs: a fresh profile (create profile, recovery key, every
destination, crisis help, lock, unlock, recovery page) in a desktop-sized window with the
navigation rail, and a profile with data made by companion-cli (lists populated) in a phone-sized
window with the bottom bar.

Then every destination (opened with Space, Return and the AT-SPI Press action in turn), crisis
help, the views opened from the pages (check-in editors, a questionnaire, an article, the
journal editor) and the dialogs (left with Escape, which must close them).

On every page, view and dialog:
  * every interactive node (button, check box, radio, text entry, slider, combo, spin box,
    list item, link, page tab, menu item...) has a non-empty name (a password field: its
    description or group, see ADR 0021), no node has the role "unknown", "invalid" or "filler"
    (an item that claims no role), and buttons, check boxes, radios and links have an action;
  * keyboard: Tab is pressed (X key events through xdotool) until focus comes back to where it
    started; every enabled interactive node on screen must receive focus on the way, every
    press must move focus (no trap) to a node on screen, and Shift+Tab must walk back. Nodes
    below the fold are checked as Tab scrolls them into view.

Exit 0 when every page is clean, 1 with a list of offending nodes (role, path, page), 77 when a
required program or module is missing (ctest SKIP_RETURN_CODE).
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree

REQUIRED_PROGRAMS = ["Xvfb", "xdotool", "dbus-run-session"]
AT_SPI_BUS_LAUNCHERS = ["/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher"]

# A strong passphrase for throwaway profiles only.
PASSPHRASE = "walk amber quarry lantern 47 osprey"

INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "text", "password text", "entry",
    "spin button", "slider", "combo box", "list item", "link", "page tab", "menu item",
    "check menu item", "radio menu item", "tree item", "table cell", "dial", "switch",
}
# Interactive nodes Tab does not have to reach: page tabs are the pages themselves (AppPage is a
# Qt Quick Page, exposed as a page tab), while the navigation tabs are reached through the rail or
# bar they are in (checked below as everything else); tree items and table cells belong to a view.
NOT_IN_TAB_CHAIN_ROLES = {"page tab", "tree item", "table cell"}
# What a screen reader activates through the Action interface.
ACTIONABLE_ROLES = {"push button", "toggle button", "check box", "radio button", "link",
                    "menu item", "check menu item", "radio menu item", "switch"}
# Views opened from a page (editors, an article, a questionnaire) and dialogs, by the English
# text of the button that opens them and its translation context: (destination, context, text).
# A text ending in "%1" matches the first button whose name starts with what comes before it.
# Each is left by its own button (context, text), dialogs by Escape (None).
SUB_VIEWS = [
    (1, "DiaryOverview", "Start a check-in", ("DiaryEditor", "Finish later")),
    (1, "DiaryOverview", "After my infusion", ("DiaryEditor", "Finish later")),
    (1, "DueInstrumentRow", "Answer the %1", ("QuestionnaireView", "Finish later")),
    (3, "LearnLibraryView", "Read", ("ArticleView", "Back to all articles")),
    (4, "JournalOverview", "Intention for an infusion", ("JournalEditor", "Cancel")),
    (4, "JournalOverview", "Free entry", ("JournalEditor", "Cancel")),
    (5, "SecuritySection", "Change passphrase", None),
    (5, "SecuritySection", "New recovery key", None),
    (5, "DeleteEverythingSection", "Delete everything\u2026", None),
    (5, "ClinicEnrolForm", "Scan a QR code from your clinic or your other device",
     ("QrScanPage", "Type the code instead")),
]
BAD_ROLES = {"unknown", "invalid", "filler"}


def skip(message):
    print("atspi-walk: SKIPPED: " + message)
    sys.exit(77)


class Translator:
    """English source text -> the shipped translation, by QML/C++ context (from the .ts file)."""

    def __init__(self, ts_file):
        self.table = {}
        if not ts_file:
            return
        root = ElementTree.parse(ts_file).getroot()
        for context in root.iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.text:
                    self.table[(name, message.findtext("source"))] = translation.text

    def __call__(self, context, source):
        return self.table.get((context, source), source)


class Walk:
    def __init__(self, args):
        self.args = args
        self.tr = Translator(args.ts if args.language != "en" else None)
        self.problems = []
        self.unreached_buttons = []
        self.pages_checked = []
        self.tab_presses = 0
        self.process = None
        self.app = None
        import pyatspi  # only after the private session bus exists
        from gi.repository import GLib

        self.pyatspi = pyatspi
        self.main_context = GLib.MainContext.default()
        # Focus is followed through the events a screen reader gets, not by reading the whole
        # tree after every key press (which took a minute per language).
        self.focus_event_source = None
        pyatspi.Registry.registerEventListener(self.on_focus, "object:state-changed:focused")

    def on_focus(self, event):
        if event.detail1:
            self.focus_event_source = event.source

    def pump_events(self):
        while self.main_context.pending():
            self.main_context.iteration(False)

    # ---- the app under test ------------------------------------------------------------------

    def start_app(self, profile, size):
        env = dict(os.environ)
        env.update({
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
            "LANGUAGE": self.args.language,
        })
        log = open(os.path.join(self.args.workdir, "app-%d.log" % len(self.pages_checked)), "w")
        self.process = subprocess.Popen(
            [self.args.app, "--profile", profile, "--language", self.args.language],
            env=env, stdout=log, stderr=subprocess.STDOUT)
        self.app = self.wait(lambda: self.find_app(), 60, "the app on the accessibility bus")
        frame = self.wait(lambda: self.frame(), 30, "the app's window")
        self.resize(size)
        del frame

    def stop_app(self):
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self.app = None

    def find_app(self):
        desktop = self.pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == self.process.pid:
                    return app
            except Exception:
                continue
        return None

    def frame(self):
        for i in range(self.app.childCount):
            child = self.app.getChildAtIndex(i)
            if child is not None and child.getRoleName() == "frame":
                return child
        return None

    def resize(self, size):
        # The window is the only top-level one on the private display.
        window_ids = subprocess.run(
            ["xdotool", "search", "--pid", str(self.process.pid), "--onlyvisible", "--name", "."],
            capture_output=True, text=True).stdout.split()
        for window in window_ids:
            subprocess.run(["xdotool", "windowsize", "--sync", window, str(size[0]), str(size[1])],
                           capture_output=True)
            subprocess.run(["xdotool", "windowmove", window, "0", "0"], capture_output=True)
            # No window manager: keyboard input goes to the window under the pointer.
            subprocess.run(["xdotool", "mousemove", "5", "5"], capture_output=True)
        time.sleep(0.3)

    # ---- reading the tree ----------------------------------------------------------------------

    def wait(self, condition, seconds, what, interval=0.05):
        deadline = time.monotonic() + seconds
        while True:
            # Events are dispatched while waiting: the registry waits for its listeners (this
            # process among them), and the app's key handling waits for the registry.
            self.pump_events()
            try:
                value = condition()
            except Exception:
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError("waited %d s for %s" % (seconds, what))
            time.sleep(interval)

    def snapshot(self, showing_only=True):
        """Every node on screen under the window: (path, role, name, states, node). Qt reports
        a node scrolled out of view as not visible, like a hidden one; those are checked when
        Tab brings them into view. showing_only=False: every node, hidden ones too."""
        nodes = []
        frame = self.frame()
        if frame is None:
            return nodes
        S = self.pyatspi

        def visit(node, path):
            try:
                states = node.getState()
                if showing_only and not states.contains(S.STATE_VISIBLE) and path:
                    return
                nodes.append((path, node.getRoleName(), (node.name or "").strip(), states, node))
                count = node.childCount
            except Exception:
                return
            for i in range(count):
                try:
                    child = node.getChildAtIndex(i)
                except Exception:
                    continue
                if child is not None:
                    visit(child, path + (i,))

        visit(frame, ())
        return nodes

    def focused(self, nodes=None):
        """The deepest focused node (Qt also marks the focus scopes above it), showing or not."""
        best = None
        for entry in nodes if nodes is not None else self.snapshot(showing_only=False):
            if entry[3].contains(self.pyatspi.STATE_FOCUSED):
                if best is None or len(entry[0]) > len(best[0]):
                    best = entry
        return best

    def find(self, role, name, nodes=None):
        for entry in nodes if nodes is not None else self.snapshot():
            if entry[1] == role and entry[2] == name:
                return entry
        return None

    def page_title(self, nodes):
        # An open dialog, else the innermost Page (AppPage): the one on top, named by its heading.
        dialogs = [entry for entry in nodes if entry[1] == "dialog" and entry[2]]
        if dialogs:
            return dialogs[-1][2]
        pages = [entry for entry in nodes if entry[1] == "page tab" and not self.actions(entry)]
        return pages[-1][2] if pages else "?"

    def actions(self, entry):
        """The node's actions other than SetFocus (which Qt gives every focusable item)."""
        try:
            action = entry[4].queryAction()
            names = [action.getName(i) for i in range(action.nActions)]
        except Exception:
            return []
        return [name for name in names if name != "SetFocus"]

    def do_action(self, entry, name):
        action = entry[4].queryAction()
        for i in range(action.nActions):
            if action.getName(i) == name:
                return action.doAction(i)
        raise RuntimeError("%s '%s' has no %s action" % (entry[1], entry[2], name))

    # ---- input ---------------------------------------------------------------------------------

    def key(self, keys):
        subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True)

    def type_text(self, text):
        subprocess.run(["xdotool", "type", "--delay", "5", text], check=True)

    def grab_focus(self, entry):
        entry[4].queryComponent().grabFocus()
        self.wait(lambda: (self.focused() or (None,))[0] == entry[0], 20,
                  "focus on %s '%s'" % (entry[1], entry[2]))

    def press(self, entry, key):
        """Focus `entry` through AT-SPI and activate it with a real key press."""
        self.grab_focus(entry)
        self.key(key)

    def type_into(self, entry, text):
        self.grab_focus(entry)
        self.type_text(text)
        self.wait(lambda: len(self.node_text(entry)) >= len(text), 30,
                  "typed text in '%s'" % entry[2])

    def node_text(self, entry):
        for fresh in self.snapshot():
            if fresh[0] == entry[0]:
                text = fresh[4].queryText()
                return text.getText(0, text.characterCount)
        return ""

    # ---- the checks ----------------------------------------------------------------------------

    def check_node(self, where, entry):
        path, role, name, _states, node = entry
        at = "/".join(str(i) for i in path)
        found = []
        if role in BAD_ROLES:
            found.append("%s: node at %s has no proper role (%s, name '%s')" % (where, at, role, name))
        elif role in INTERACTIVE_ROLES and not name:
            # Qt 6.4 never reports the name of a password field (QQuickAccessibleAttached::name()
            # returns nothing while passwordEdit is set), so there the label has to be in the
            # description or on the group around it (PassphraseField does both). A combo box's
            # display field is announced as part of the named combo box.
            if not (role == "password text" and self.password_label(node)) and \
                    not self.inside_combo_box(node):
                found.append("%s: %s at %s has no name" % (where, role, at))
        if role in ACTIONABLE_ROLES and not self.actions(entry):
            found.append("%s: %s '%s' at %s cannot be activated through AT-SPI (no action)"
                         % (where, role, name, at))
        for problem in found:
            if problem not in self.problems:
                self.problems.append(problem)

    def check_page(self, label, keyboard=True):
        # Let Qt finish laying out and announce the new nodes: until two snapshots 0.3 s apart
        # agree (a fixed pause can end mid-transition on a loaded machine), at most 20 s.
        nodes = None
        deadline = time.monotonic() + 20
        while True:
            settle = time.monotonic() + 0.3
            while time.monotonic() < settle:
                self.pump_events()
                time.sleep(0.02)
            again = self.snapshot()
            if nodes is not None and self.same_tree(nodes, again):
                break
            nodes = again
            if time.monotonic() > deadline:
                break
        title = self.page_title(nodes)
        where = "%s [%s]" % (label, title)
        self.pages_checked.append(where)
        if self.args.dump:
            print("== " + where)
            for path, role, name, states, node in nodes:
                print("  %-12s %-16s %-40s %s" % ("/".join(map(str, path)), role, name[:40],
                      ",".join(self.pyatspi.stateToString(s) for s in states.getStates())))
        for entry in nodes:
            self.check_node(where, entry)
        if keyboard:
            self.check_keyboard(where, nodes)
        return nodes

    def same_tree(self, a, b):
        # Paths, roles and names: what a transition or a late layout changes. (Not the states:
        # an animation could change those forever.)
        return [(e[0], e[1], e[2]) for e in a] == [(e[0], e[1], e[2]) for e in b]

    def inside_combo_box(self, node):
        parent = node.parent
        return parent is not None and parent.getRoleName() == "combo box" and bool(parent.name)

    def password_label(self, node):
        """A password field's description, else the name of the group around it."""
        if (node.description or "").strip():
            return node.description.strip()
        parent = node.parent
        return (parent.name or "").strip() if parent is not None else ""

    def tab_targets(self, nodes):
        S = self.pyatspi
        return {
            entry[0]: entry for entry in nodes
            if entry[1] in INTERACTIVE_ROLES and entry[1] not in NOT_IN_TAB_CHAIN_ROLES
            and entry[3].contains(S.STATE_ENABLED) and entry[3].contains(S.STATE_FOCUSABLE)
            and not self.inside_combo_box(entry[4])
        }

    def next_focus(self, keys, previous, seconds=15):
        """The entry focus moves to, or None when it does not move within `seconds` (generous:
        a slow answer on a loaded machine would read as a focus trap; callers for which "does
        not move" is a normal answer pass a short time)."""
        self.pump_events()
        self.focus_event_source = None
        self.key(keys)
        self.tab_presses += 1
        try:
            return self.wait(lambda: self.moved_focus(previous), seconds, "focus to move", 0.005)
        except TimeoutError:
            return None

    def moved_focus(self, previous):
        self.pump_events()
        if self.focus_event_source is None:
            return None
        now = self.entry_for(self.focus_event_source)
        if now is None or (previous is not None and now[0] == previous[0]):
            return None
        return now

    def entry_for(self, node):
        """(path, role, name, states, node) of a node, its path found by walking up to the window."""
        path = []
        up = node
        try:
            while up is not None and up.getRoleName() != "frame":
                path.insert(0, up.getIndexInParent())
                up = up.parent
            if up is None:
                return None
            return (tuple(path), node.getRoleName(), (node.name or "").strip(), node.getState(), node)
        except Exception:
            return None

    def check_keyboard(self, where, nodes):
        targets = self.tab_targets(nodes)
        # A modal dialog keeps focus inside it (as it should): only its controls must be reached.
        dialogs = [entry[0] for entry in nodes if entry[1] in ("dialog", "alert")
                   and entry[3].contains(self.pyatspi.STATE_SHOWING) and self.tab_targets(
                       [e for e in nodes if e[0][:len(entry[0])] == entry[0]])]
        if dialogs:
            inside = dialogs[-1]
            targets = {path: entry for path, entry in targets.items()
                       if path[:len(inside)] == inside}
        start = self.focused(nodes)
        reached = []
        current = start
        limit = 2 * len(targets) + 20
        for _ in range(limit):
            # One control or none: focus staying put is the normal answer, so do not wait long.
            moved = self.next_focus("Tab", current, 3 if len(targets) <= 1 else 15)
            if moved is None and len(targets) <= 1:
                return  # the only control there is keeps focus
            if moved is None:
                if self.args.dump:
                    for entry in self.snapshot(showing_only=False):
                        if entry[3].contains(self.pyatspi.STATE_FOCUSED):
                            print("    focused (any): %s %s '%s'" % ("/".join(map(str, entry[0])), entry[1], entry[2]))
                self.problems.append("%s: Tab does not move focus away from %s '%s' at %s (a focus trap)"
                                     % (where, current[1] if current else "nothing",
                                        current[2] if current else "",
                                        "/".join(map(str, current[0])) if current else "-"))
                return
            current = moved
            # Controls below the fold are only in the tree's visible part once Tab scrolls them
            # into view: each is checked as it is reached.
            self.check_node(where, current)
            if not current[3].contains(self.pyatspi.STATE_SHOWING):
                self.problems.append("%s: Tab focuses %s '%s' at %s, which is not on screen"
                                     % (where, current[1], current[2], "/".join(map(str, current[0]))))
            if reached and current[0] == reached[0][0]:
                break
            reached.append(current)
            if self.args.dump:
                print("    Tab -> %s %s '%s'" % ("/".join(map(str, current[0])), current[1], current[2]))
        else:
            self.problems.append("%s: Tab never comes back to where it started" % where)
        reached_paths = {entry[0] for entry in reached}
        for path, entry in sorted(targets.items()):
            if path in reached_paths:
                continue
            if entry[1] == "push button":
                # Qt 6.4 does not tell AT-SPI that a button is disabled, and Tab rightly skips a
                # disabled one; the self-test (--check-accessibility), which can see it, fails on
                # an enabled control Tab does not reach.
                self.unreached_buttons.append("%s: '%s'" % (where, entry[2]))
                continue
            self.problems.append("%s: %s '%s' at %s is not reachable with Tab"
                                 % (where, entry[1], entry[2], "/".join(map(str, path))))
        # Shift+Tab goes back the same way (checked over a few steps: the full cycle is the same
        # chain reversed).
        steps = min(3, len(reached) - 1)
        for back in range(steps):
            moved = self.next_focus("shift+Tab", current)
            expected = reached[-1 - back]
            if moved is None or (expected is not None and moved[0] != expected[0]):
                self.problems.append("%s: Shift+Tab does not go back to %s '%s'"
                                     % (where, expected[1] if expected else "?",
                                        expected[2] if expected else "?"))
                return
            current = moved

    # ---- flows ---------------------------------------------------------------------------------

    def wait_for_node(self, role, name, seconds=30):
        return self.wait(lambda: self.find(role, name), seconds, "%s '%s'" % (role, name))

    def navigation_tabs(self):
        return [entry for entry in self.snapshot()
                if entry[1] == "page tab" and "Press" in self.actions(entry)]

    def visit_destinations(self, label):
        # The bar settles into its rows once the labels are measured, a moment after it appears.
        try:
            tabs = self.wait(lambda: len(self.navigation_tabs()) == 6 and self.navigation_tabs(), 20,
                             "six navigation tabs")
        except TimeoutError:
            tabs = self.navigation_tabs()
        if len(tabs) != 6:
            self.problems.append("%s: expected 6 navigation tabs with a Press action, found %d"
                                 % (label, len(tabs)))
            if self.args.dump:
                for entry in self.snapshot(showing_only=False):
                    try:
                        box = entry[4].queryComponent().getExtents(self.pyatspi.DESKTOP_COORDS)
                        box = (box.x, box.y, box.width, box.height)
                    except Exception:
                        box = None
                    print("  %s %s '%s' %s %s %s" % ("/".join(map(str, entry[0])), entry[1], entry[2],
                                                  self.actions(entry), box,
                                                  entry[3].contains(self.pyatspi.STATE_SHOWING)))
            return
        for index in range(len(tabs)):
            entry = self.navigation_tabs()[index]
            # Space, Return and the AT-SPI Press action in turn: all three must open the page.
            key = ["space", "Return", "Press action"][index % 3]
            before = self.page_title(self.snapshot())
            if key == "Press action":
                self.do_action(entry, "Press")
            else:
                self.press(entry, key)
            if index > 0:
                try:
                    self.wait(lambda: self.page_title(self.snapshot()) != before, 20,
                              "page change after %s" % key)
                except TimeoutError:
                    self.problems.append("%s: %s on navigation tab '%s' did not open its page"
                                         % (label, key, entry[2]))
                    continue
            self.fill_forms()
            self.check_page("%s, %s" % (label, entry[2]))
        self.visit_sub_views(label)
        # Crisis help, from the header on every page, opened with Return; Back with Space.
        help_button = self.wait_for_node("push button", self.tr("ShellHeader", "Get help now"))
        before = self.page_title(self.snapshot())
        self.press(help_button, "Return")
        self.wait(lambda: self.page_title(self.snapshot()) != before, 20, "crisis help to open")
        self.check_page("%s, crisis help" % label)
        back = self.wait_for_node("push button", self.tr("ShellHeader", "Back"))
        self.press(back, "space")
        self.wait(lambda: self.find("push button", self.tr("ShellHeader", "Back")) is None, 20,
                  "crisis help to close")

    def open_destination(self, index):
        entry = self.navigation_tabs()[index]
        if entry[3].contains(self.pyatspi.STATE_CHECKED):
            # Going elsewhere first resets the page (its editor or article closes).
            self.open_destination((index + 1) % 6)
            entry = self.navigation_tabs()[index]
        before = self.page_title(self.snapshot())
        self.do_action(entry, "Press")
        self.wait(lambda: self.page_title(self.snapshot()) != before, 20, "page '%s'" % entry[2])

    def find_opener(self, context, source):
        text = self.tr(context, source)
        for entry in self.snapshot(showing_only=False):
            if entry[1] != "push button":
                continue
            if text.endswith("%1") and entry[2].startswith(text[:-2]):
                return entry
            if entry[2] == text:
                return entry
        return None

    def visit_sub_views(self, label):
        for destination, context, source, closer in SUB_VIEWS:
            self.open_destination(destination)
            try:
                opener = self.wait(lambda: self.find_opener(context, source), 20, "the opener")
            except TimeoutError:
                opener = None
            if opener is None:
                self.problems.append("%s: no button '%s' on destination %d"
                                     % (label, self.tr(context, source), destination + 1))
                if self.args.dump:
                    nodes = self.snapshot()
                    print("  [%s] %s" % (self.page_title(nodes),
                                         [e[2] for e in nodes if e[1] == "push button"]))
                continue
            before = [(e[0], e[1], e[2]) for e in self.snapshot()]
            self.press(opener, "Return")
            try:
                self.wait(lambda: [(e[0], e[1], e[2]) for e in self.snapshot()] != before, 20,
                          "'%s' to open something" % opener[2])
            except TimeoutError:
                self.problems.append("%s: Return on '%s' opened nothing" % (label, opener[2]))
                continue
            nodes = self.check_page("%s, %s" % (label, opener[2]))
            if closer is not None:
                # Any node, not only those on screen: after the Tab round a long form (the
                # check-in in a list page) is back at its top and its closing button below the
                # fold; focusing it through AT-SPI scrolls it into view, as Tab would.
                close = self.find("push button", self.tr(*closer),
                                  self.snapshot(showing_only=False))
                if close is None:
                    self.problems.append("%s: no button '%s' to leave '%s'"
                                         % (label, self.tr(*closer), opener[2]))
                    return
                self.press(close, "space")
                self.wait(lambda: self.find("push button", close[2]) is None, 20,
                          "'%s' to close its view" % close[2])
            elif any(e[1] == "dialog" for e in nodes):
                # Escape closes a dialog: the way out of its focus loop.
                self.key("Escape")
                try:
                    self.wait(lambda: not any(e[1] == "dialog" for e in self.snapshot()), 20,
                              "the dialog to close")
                except TimeoutError:
                    self.problems.append("%s: Escape does not close the dialog of '%s'"
                                         % (label, opener[2]))

    def fill_forms(self):
        """Fields that enable a button (Qt 6.4 does not tell AT-SPI a button is disabled, and a
        disabled button is rightly not in the Tab chain): the new appointment's date and time."""
        date = self.find("text", self.tr("DateTimeFields", "Date, as year-month-day"))
        time_field = self.find("text", self.tr("DateTimeFields", "Time, as hours and minutes"))
        if date and time_field and not self.node_text(date):
            self.type_into(date, time.strftime("%Y-%m-%d", time.localtime(time.time() + 7 * 86400)))
            self.type_into(time_field, "09:30")

    def fresh_profile(self):
        profile = os.path.join(self.args.workdir, "fresh")
        self.start_app(profile, (1280, 800))
        label = "fresh profile, desktop"
        try:
            create = self.wait_for_node("push button", self.tr("CreateProfilePage", "Create profile"))
            # Forms are filled before Tab is checked: Qt 6.4 does not tell AT-SPI that a button
            # is disabled, and a disabled button is rightly not in the Tab chain.
            fields = [e for e in self.snapshot() if e[1] == "password text"]
            for field in fields:
                self.type_into(field, PASSPHRASE)
            self.check_page(label + ", create profile")
            self.press(create, "Return")
            stored = self.wait_for_node(
                "check box", self.tr("RecoveryKeyPage", "I have written it down or stored it safely"), 120)
            self.press(stored, "space")
            self.check_page(label + ", recovery key")
            self.press(self.find("push button", self.tr("RecoveryKeyPage", "Continue")), "Return")
            self.wait_for_node("push button", self.tr("ShellHeader", "Get help now"))
            self.visit_destinations(label)
            lock = self.wait_for_node("push button", self.tr("ShellHeader", "Lock Companion now"))
            self.press(lock, "space")
            forgot = self.wait_for_node(
                "push button", self.tr("UnlockPage", "Forgot your passphrase? Use your recovery key"))
            self.type_into([e for e in self.snapshot() if e[1] == "password text"][0], "not it")
            self.check_page(label + ", unlock")
            self.press(forgot, "Return")
            self.wait(lambda: self.find("push button", forgot[2]) is None, 20, "the recovery page")
            key_field = [e for e in self.snapshot() if e[1] == "text"][0]
            self.type_into(key_field, "-".join(["ABCD"] * 13))
            for field in [e for e in self.snapshot() if e[1] == "password text"]:
                self.type_into(field, PASSPHRASE)
            self.check_page(label + ", recover with key")
        finally:
            self.stop_app()

    def demo_profile(self):
        profile = os.path.join(self.args.workdir, "demo")
        make_demo_profile(self.args.cli, profile, self.args.workdir)
        self.start_app(profile, (1280, 800))
        label = "profile with data, phone"
        try:
            unlock = self.wait_for_node("push button", self.tr("UnlockPage", "Unlock"))
            field = [e for e in self.snapshot() if e[1] == "password text"][0]
            self.type_into(field, PASSPHRASE)
            self.press(unlock, "Return")
            self.wait_for_node("push button", self.tr("ShellHeader", "Get help now"), 120)
            self.visit_destinations(label)
        finally:
            self.stop_app()


def make_demo_profile(cli, profile, workdir):
    """A profile with something in every list: check-ins, an instrument, notes, appointments."""
    secret = os.path.join(workdir, "passphrase.txt")
    with open(secret, "w") as f:
        f.write(PASSPHRASE + "\n")

    def run(*arguments):
        subprocess.run([cli, *arguments, "--profile", profile, "--passphrase-file", secret],
                       check=True, capture_output=True)

    subprocess.run([cli, "init", "--profile", profile, "--passphrase-file", secret], check=True,
                   capture_output=True)
    now = time.time()
    for days_ago, (mood, anxiety, pain) in enumerate([(6, 3, 2), (4, 6, 5), (7, 2, 1)]):
        at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - (days_ago + 1) * 86400))
        run("checkin", "add", "--mood", str(mood), "--anxiety", str(anxiety), "--pain", str(pain),
            "--sleep-hours", "7", "--note", "Slept well, walked by the river", "--at", at)
    future = time.strftime("%Y-%m-%dT09:30:00Z", time.gmtime(now + 3 * 86400))
    run("appointment", "add", "--at", future, "--duration-min", "120")
    run("note", "add", "--kind", "free", "--text", "A calm afternoon; the music helped.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--language", default="en")
    parser.add_argument("--ts", help="translations/companion_<language>.ts, for the names")
    parser.add_argument("--dump", action="store_true", help="print every page's tree and focus walk")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if not args.inside:
        for program in REQUIRED_PROGRAMS:
            if shutil.which(program) is None:
                skip("%s is not installed (scripts/install-deps.sh installs it)" % program)
        if not any(os.access(p, os.X_OK) for p in AT_SPI_BUS_LAUNCHERS):
            skip("at-spi2-core is not installed (scripts/install-deps.sh installs it)")
        try:
            import pyatspi  # noqa: F401
        except ImportError:
            skip("python3-pyatspi is not installed for %s" % sys.executable)
        # Again inside a private session bus, so the AT-SPI bus it activates is ours alone. The
        # bus launcher puts its socket in $XDG_RUNTIME_DIR/at-spi (else ~/.cache/at-spi, shared
        # by every walk on the machine): a private runtime directory keeps parallel walks apart.
        runtime = tempfile.mkdtemp(prefix="atspi-walk-runtime-")
        os.environ["XDG_RUNTIME_DIR"] = runtime
        os.environ["COMPANION_WALK_RUNTIME_DIR"] = runtime
        os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable, __file__,
                                       *sys.argv[1:], "--inside"])

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="atspi-walk-") as workdir:
        args.workdir = workdir
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1400x1000x24",
                                 "-nolisten", "tcp"], pass_fds=[write_fd],
                                stdout=subprocess.DEVNULL,
                                stderr=open(os.path.join(workdir, "xvfb.log"), "w"))
        os.close(write_fd)
        # Xvfb writes the number and then a newline, and dies if the pipe is closed in between.
        display = b""
        while not display.endswith(b"\n"):
            chunk = os.read(read_fd, 64)
            if not chunk:
                break
            display += chunk
        display = display.decode().strip()
        os.environ["DISPLAY"] = ":" + display
        os.environ.pop("WAYLAND_DISPLAY", None)
        walk = None
        try:
            walk = Walk(args)
            walk.fresh_profile()
            walk.demo_profile()
        except Exception as error:  # report what was found so far, then fail
            if walk is None:
                raise
            walk.problems.append("the walk stopped: %s: %s" % (type(error).__name__, error))
            walk.stop_app()
        finally:
            xvfb.send_signal(signal.SIGTERM)
            xvfb.wait()
            os.close(read_fd)
            runtime = os.environ.get("COMPANION_WALK_RUNTIME_DIR")
            if runtime and os.path.basename(runtime).startswith("atspi-walk-runtime-"):
                shutil.rmtree(runtime, ignore_errors=True)
        elapsed = time.monotonic() - started
        if walk.problems:
            print("atspi-walk (%s): FAILED with %d problem(s) on %d pages:"
                  % (args.language, len(walk.problems), len(walk.pages_checked)))
            for problem in walk.problems:
                print("  " + problem)
            for name in os.listdir(workdir):
                if name.endswith(".log"):
                    with open(os.path.join(workdir, name)) as log:
                        tail = log.read()[-2000:]
                    if tail.strip():
                        print("--- %s ---\n%s" % (name, tail))
            return 1
        print("atspi-walk (%s): OK: %d pages and views, every interactive node named, with a "
              "role and (buttons) an action; %d Tab presses, every control reached, no trap "
              "(%.1f s)"
              % (args.language, len(walk.pages_checked), walk.tab_presses, elapsed))
        for page in walk.pages_checked:
            print("  " + page)
        if walk.unreached_buttons:
            print("Buttons Tab did not reach (disabled there, which Qt 6.4 does not report):")
            for button in walk.unreached_buttons:
                print("  " + button)
        return 0


if __name__ == "__main__":
    sys.exit(main())
