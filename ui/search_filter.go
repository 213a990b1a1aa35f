package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// pickerSize bounds the list of names: a journal may hold seventy
// patterns, and a list that tall would cover the window and its menus.
var pickerSize = fyne.NewSize(300, 320)

// namePicker chooses any number of names (patterns, emotions, people)
// from a list narrowed by typing, behind a button that says what is
// chosen.
type namePicker struct {
	win      fyne.Window
	what     string // "Patterns", as the button names them
	none     string // what the button says with nothing chosen
	onChange func()

	button *widget.Button
	find   *findEntry
	list   *widget.List
	popup  *widget.PopUp

	names  []string
	picked []string // in the order chosen
	shown  []string // names the find box lets through
}

func newNamePicker(win fyne.Window, what, none string, onChange func()) *namePicker {
	p := &namePicker{win: win, what: what, none: none, onChange: onChange}
	p.button = widget.NewButton(none, p.open)
	p.find = newFindEntry(p.close)
	p.find.SetPlaceHolder("Type to find")
	p.find.OnChanged = func(string) { p.narrow() }
	// Enter picks (or drops) the first name found, so the keyboard alone
	// can choose: type a few letters, Enter, type the next.
	p.find.OnSubmitted = func(string) {
		if len(p.shown) > 0 {
			p.toggle(p.shown[0])
			p.find.SetText("")
		}
	}
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c, name := o.(*widget.Check), p.shown[id]
			c.OnChanged = nil
			c.Text, c.Checked = name, p.isPicked(name)
			c.Refresh()
			c.OnChanged = func(bool) { p.toggle(name) }
		})
	clear := widget.NewButton("Clear", func() {
		p.picked = nil
		p.changed()
	})
	done := widget.NewButton("Done", p.close)
	body := container.NewBorder(p.find, container.NewHBox(clear, done), nil, nil, p.list)
	p.popup = widget.NewPopUp(body, win.Canvas())
	return p
}

// setNames offers names, keeping those chosen that still exist.
func (p *namePicker) setNames(names []string) {
	p.names = names
	var kept []string
	for _, n := range p.picked {
		if slices.Contains(p.names, n) {
			kept = append(kept, n)
		}
	}
	p.picked = kept
	p.label()
	p.narrow()
}

// chosen is the names picked, nil for none.
func (p *namePicker) chosen() []string {
	if len(p.picked) == 0 {
		return nil
	}
	return append([]string(nil), p.picked...)
}

// open shows the list under the button, the cursor in its find box.
func (p *namePicker) open() {
	p.find.SetText("")
	p.narrow()
	p.popup.Resize(pickerSize)
	p.popup.ShowAtRelativePosition(fyne.NewPos(0, p.button.Size().Height), p.button)
	p.win.Canvas().Focus(p.find)
}

// close hides the list, the keyboard's place back on the button.
func (p *namePicker) close() {
	p.popup.Hide()
	p.win.Canvas().Focus(p.button)
}

// narrow shows the names containing what is typed, in any case.
func (p *namePicker) narrow() {
	typed := strings.ToLower(strings.TrimSpace(p.find.Text))
	p.shown = p.shown[:0]
	for _, n := range p.names {
		if strings.Contains(strings.ToLower(n), typed) {
			p.shown = append(p.shown, n)
		}
	}
	p.list.Refresh()
}

func (p *namePicker) isPicked(name string) bool { return slices.Contains(p.picked, name) }

func (p *namePicker) toggle(name string) {
	if i := slices.Index(p.picked, name); i >= 0 {
		p.picked = slices.Delete(p.picked, i, i+1)
	} else {
		p.picked = append(p.picked, name)
	}
	p.changed()
}

func (p *namePicker) changed() {
	p.label()
	p.list.Refresh()
	p.onChange()
}

// label says what is chosen: the first name and how many more, so the
// button keeps to the width of a few words.
func (p *namePicker) label() {
	switch len(p.picked) {
	case 0:
		p.button.SetText(p.none)
	case 1:
		p.button.SetText(p.what + ": " + shortName(p.picked[0]))
	default:
		p.button.SetText(p.what + ": " + shortName(p.picked[0]) + " +" + strconv.Itoa(len(p.picked)-1))
	}
}

// shortName keeps a long name from pushing the filters off the window.
func shortName(name string) string {
	const most = 16
	if r := []rune(name); len(r) > most {
		return string(r[:most-1]) + "…"
	}
	return name
}

// findEntry is the find box, which Escape closes.
type findEntry struct {
	widget.Entry
	escape func()
}

func newFindEntry(escape func()) *findEntry {
	e := &findEntry{escape: escape}
	e.ExtendBaseWidget(e)
	return e
}

func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.escape()
		return
	}
	e.Entry.TypedKey(k)
}
