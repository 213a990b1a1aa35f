package ui

// An entry changed on two computers before they synced keeps both
// texts: the editor says so, and the person compares them and keeps
// one, or both joined.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// conflictStore is what comparing the two texts needs from the journal.
type conflictStore interface {
	BodyConflicts(entryID int64) ([]journal.BodyVersion, error)
	ResolveBodyConflict(entryID int64, body string) error
}

var _ conflictStore = (*jstore.Store)(nil)

// newConflictBanner is the line over the text of an entry changed on two
// computers at once; hidden for every other entry.
func newConflictBanner(compare func()) *fyne.Container {
	text := widget.NewLabel("Changed on two computers before they synced: both texts are kept.")
	text.Importance = widget.WarningImportance
	text.Wrapping = fyne.TextWrapWord
	b := widget.NewButtonWithIcon("Compare…", theme.WarningIcon(), compare)
	banner := container.NewBorder(nil, nil, nil, b, text)
	banner.Hide()
	return banner
}

// compareVersions shows the entry's text beside the other computer's,
// each with a button to keep it, and one to keep both, one after the
// other. Unsaved edits come first: the choice replaces the saved text.
func (s *journalScreen) compareVersions() {
	id := s.editor.entryID
	if s.dirty() {
		showProblem(s.win, "Save your changes first", journal.Errorf(journal.EInvalid,
			"Save (Ctrl+S) or undo the changes to this entry, then compare the two texts."))
		return
	}
	others, err := s.store.BodyConflicts(id)
	if err != nil {
		showProblem(s.win, "Couldn't read the other text", err)
		return
	}
	if len(others) == 0 {
		s.openByID(id, false) // resolved meanwhile, on the other computer
		return
	}
	current := s.baseline.Body
	keep := func(body, done string) func() {
		return func() {
			s.background(func() func() {
				err := s.store.ResolveBodyConflict(id, body)
				var e journal.Entry
				if err == nil {
					e, err = s.store.Entry(id)
				}
				return func() {
					if err != nil {
						showProblem(s.win, "Couldn't keep that text", err)
						return
					}
					s.place(e) // the list's line loses "two texts" and shows the kept text
					s.open(e)
					s.win.Canvas().Focus(s.editor.title)
					s.setStatus(done)
				}
			})
		}
	}
	versions := container.NewVBox(versionCard("This text (shown now)", current))
	joined := current
	for _, v := range others {
		versions.Add(versionCard("From "+v.Device+", "+v.At.Local().Format("Mon 2 Jan 2006, 15:04"), v.Body))
		joined += "\n\n" + v.Body
	}
	const keptOne = "The entry keeps the text you chose."
	choices := []dialogChoice{{label: "Keep this text", then: keep(current, keptOne)}}
	for i, v := range others {
		label := "Keep the other"
		if len(others) > 1 {
			label = "Keep text " + string(rune('2'+i))
		}
		choices = append(choices, dialogChoice{label: label, then: keep(v.Body, keptOne)})
	}
	choices = append(choices,
		dialogChoice{label: "Keep both, joined", then: keep(joined, "The entry keeps both texts, one after the other."), importance: widget.HighImportance},
		dialogChoice{label: "Not now", focused: true, cancel: true})
	showChoices(s.win, "Changed on two computers", container.NewVScroll(versions), fyne.NewSize(820, 560), choices...)
}

func versionCard(title, body string) fyne.CanvasObject {
	text := widget.NewLabel(body)
	text.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", title, text)
}
