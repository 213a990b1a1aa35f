package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// shortcutItem is one line of the shortcuts sheet: the keys, and what
// they do, in a group.
type shortcutItem struct {
	group, keys, action string
}

// The sheet's groups, in the order it shows them. A group not listed
// here comes after them, in the order its first item came.
const (
	shortcutsWriting = "Writing"
	shortcutsMoving  = "Moving around"
	shortcutsJournal = "Journal"
	shortcutsHelp    = "Help"
)

var shortcutGroups = []string{shortcutsWriting, shortcutsMoving, shortcutsJournal, shortcutsHelp}

// defaultShortcuts are the window's shortcuts, as its menus have them.
// Add a line here with each new menu shortcut: a test checks every menu
// shortcut is on the sheet.
func defaultShortcuts() []shortcutItem {
	return []shortcutItem{
		{shortcutsWriting, "Ctrl+N", "Write a new entry"},
		{shortcutsWriting, "Ctrl+Shift+N", "Free association: a whole window to write in, with an optional timer"},
		{shortcutsWriting, "Ctrl+Enter or Escape", "Finish free association and keep what you wrote"},
		{shortcutsWriting, "Ctrl+D", "Write down a dream"},
		{shortcutsWriting, "Ctrl+M", "How are you right now? Note your mood and feelings without writing an entry"},
		{shortcutsWriting, "Ctrl+S", "Save the entry"},
		{shortcutsWriting, "Ctrl+Delete", "Delete the entry (after asking)"},
		{shortcutsWriting, "Ctrl+P", "Show or hide the Markdown preview"},
		{shortcutsWriting, "Ctrl+J", "Show or hide the entry's details (mood, emotions, patterns, …)"},
		{shortcutsWriting, "Ctrl+Shift+A", "Attach a file to the entry: a picture, a recording or a PDF"},

		{shortcutsMoving, "Ctrl+1", "Journal"},
		{shortcutsMoving, "Ctrl+2", "Search"},
		{shortcutsMoving, "Ctrl+3", "Calendar"},
		{shortcutsMoving, "Ctrl+4", "Patterns"},
		{shortcutsMoving, "Ctrl+5", "People"},
		{shortcutsMoving, "Ctrl+6", "Goals"},
		{shortcutsMoving, "Ctrl+7", "Sessions"},
		{shortcutsMoving, "Ctrl+8", "Measures"},
		{shortcutsMoving, "Ctrl+9", "Vocabulary"},
		{shortcutsMoving, "Ctrl+F", "Find in your journal"},
		{shortcutsMoving, "Ctrl+E", "Prepare for my session"},

		{shortcutsJournal, "Ctrl+,", "Settings"},
		{shortcutsJournal, "Ctrl+B", "Backups: make one now, or restore one"},
		{shortcutsJournal, "Ctrl+I", "Import from another app: jrnl, Day One, Daylio, Markdown"},
		{shortcutsJournal, "Ctrl+L", "Lock the journal now"},
		{shortcutsJournal, "Ctrl+Q", "Quit (what you are typing is kept)"},

		{shortcutsHelp, "F1 or Ctrl+/", "This list of shortcuts"},
		{shortcutsHelp, "Ctrl+H", "A short guide to patterns, goals and the session report"},
		{shortcutsHelp, "Ctrl+Shift+H", "If you're struggling right now: the crisis resources"},
	}
}

// generalKeys are the keys that work everywhere, said once at the end.
var generalKeys = []shortcutItem{
	{"Everywhere", "Tab, Shift+Tab", "Move to the next or previous control"},
	{"Everywhere", "Space", "Press the highlighted button, tick a box or choose an option"},
	{"Everywhere", "Return", "In a dialog, press the highlighted button; in a one-line field, use what you typed"},
	{"Everywhere", "Arrow keys", "Move in lists, menus and the calendar"},
	{"Everywhere", "Escape", "Close a dialog without changing anything, or a menu or a list that has opened"},
}

// showShortcuts shows every keyboard shortcut, in groups, then the keys
// that work everywhere.
func showShortcuts(win fyne.Window, items []shortcutItem) {
	showChoices(win, "Keyboard shortcuts", container.NewVScroll(shortcutsView(items)), fyne.NewSize(620, 600),
		dialogChoice{label: "Close", focused: true})
}

// shortcutsView lays the shortcuts out in their groups, keys on the left.
func shortcutsView(items []shortcutItem) fyne.CanvasObject {
	items = append(append([]shortcutItem(nil), items...), generalKeys...)
	order := append([]string(nil), shortcutGroups...)
	byGroup := map[string][]shortcutItem{}
	for _, it := range items {
		if _, seen := byGroup[it.group]; !seen && !slices.Contains(order, it.group) {
			order = append(order, it.group)
		}
		byGroup[it.group] = append(byGroup[it.group], it)
	}
	// One width for the keys of every group, so the actions line up.
	keys := map[shortcutItem]*widget.Label{}
	var keysWidth float32
	for _, it := range items {
		keys[it] = widget.NewLabelWithStyle(it.keys, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		keysWidth = max(keysWidth, keys[it].MinSize().Width)
	}
	box := container.NewVBox()
	for _, g := range order {
		if len(byGroup[g]) == 0 {
			continue
		}
		box.Add(widget.NewLabelWithStyle(g, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		rows := container.New(layout.NewFormLayout())
		for _, it := range byGroup[g] {
			rows.Add(container.New(&minWidth{width: keysWidth}, keys[it]))
			rows.Add(wrapped(it.action))
		}
		box.Add(rows)
	}
	return container.NewPadded(box)
}

// shortcutKeys writes a menu item's shortcut the way the sheet does,
// such as Ctrl+Delete; "" for shortcuts it doesn't know.
func shortcutKeys(s fyne.Shortcut) string {
	c, ok := s.(*desktop.CustomShortcut)
	if !ok {
		return ""
	}
	mod := c.Modifier
	if mod&fyne.KeyModifierShortcutDefault != 0 { // Ctrl, or Cmd on a Mac: written Ctrl, as the sheet does
		mod = mod&^fyne.KeyModifierShortcutDefault | fyne.KeyModifierControl
	}
	var keys []string
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierSuper, "Super"}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}} {
		if mod&m.mod != 0 {
			keys = append(keys, m.name)
		}
	}
	return strings.Join(append(keys, string(c.KeyName)), "+")
}

// onWindowKeys gives handle the keys typed while no control has the
// focus; the keys it doesn't use go where they went before.
func onWindowKeys(win fyne.Window, handle func(fyne.KeyName) bool) {
	before := win.Canvas().OnTypedKey()
	win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if handle(ev.Name) {
			return
		}
		if before != nil {
			before(ev)
		}
	})
}
