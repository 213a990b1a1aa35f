package ui

import (
	"errors"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// peopleLister is what the episodes field reads from the journal: the
// people an episode can be with.
type peopleLister interface {
	People() ([]journal.Person, error)
}

var _ peopleLister = (*jstore.Store)(nil)

// episodesField lists an entry's relationship episodes, each a button
// that opens it, and a button to add one.
type episodesField struct {
	win      fyne.Window
	store    peopleLister
	episodes []journal.Episode
	list     *fyne.Container
	add      *widget.Button
	changed  func()
	emotions func() ([]choiceGroup, error)
	patterns func() ([]choiceGroup, error)
	content  fyne.CanvasObject

	// The open dialog's CCRT fields, for tests.
	wishes      *categoryChecks
	other, self *responseFields
}

func newEpisodesField(win fyne.Window, store peopleLister, emotions, patterns func() ([]choiceGroup, error), changed func()) *episodesField {
	f := &episodesField{win: win, store: store, emotions: emotions, patterns: patterns, changed: changed, list: container.NewVBox()}
	f.add = widget.NewButtonWithIcon("Add an episode…", theme.ContentAddIcon(), func() { f.edit(-1, journal.Episode{}) })
	f.content = container.NewVBox(f.list, container.NewHBox(f.add))
	return f
}

func (f *episodesField) set(episodes []journal.Episode) {
	f.episodes = episodes
	f.list.RemoveAll()
	for i, ep := range episodes {
		// A label that truncates, so a long episode never widens the editor.
		summary := widget.NewLabel(summarise(ep))
		summary.Truncation = fyne.TextTruncateEllipsis
		edit := widget.NewButtonWithIcon("Open…", theme.DocumentCreateIcon(), func() { f.edit(i, f.episodes[i]) })
		f.list.Add(container.NewBorder(nil, nil, nil, edit, summary))
	}
}

// summarise is an episode on one line: who, and the wish and responses.
func summarise(ep journal.Episode) string {
	parts := []string{"With " + ep.Person}
	for _, p := range []struct{ label, text string }{
		{"wanted", ep.Describe(journal.WishComponent)}, {"they", ep.Describe(journal.OtherComponent)}, {"I", ep.Describe(journal.SelfComponent)},
	} {
		if t := strings.TrimSpace(p.text); t != "" {
			parts = append(parts, p.label+" "+journal.Excerpt(t, 40))
		}
	}
	return strings.Join(parts, " · ")
}

// edit opens episode i (or a new one for -1) in a dialog, prefilled with
// ep: after a refused save it reopens with what was typed.
func (f *episodesField) edit(i int, ep journal.Episode) {
	var names []string
	if people, err := f.store.People(); err == nil {
		for _, p := range people {
			names = append(names, p.Name)
		}
	}
	who := widget.NewSelectEntry(names)
	who.SetText(ep.Person)
	who.PlaceHolder = "a name or initials"
	earlier := widget.NewSelectEntry(names)
	earlier.SetText(ep.EarlierPerson)
	earlier.PlaceHolder = "optional, such as a parent"
	field := func(text, hint string) *writingEntry {
		e := &writingEntry{}
		e.MultiLine, e.Wrapping, e.PlaceHolder = true, fyne.TextWrapWord, hint
		e.ExtendBaseWidget(e)
		e.SetText(text)
		e.SetMinRowsVisible(2)
		return e
	}
	wish := field(ep.Wish, "What did I want from them?")
	other := field(ep.OtherResponse, "How did they respond (or how did I expect them to)?")
	self := field(ep.SelfResponse, "How did I respond: what did I feel, do, say?")
	reminds := field(ep.Reminds, "Does it remind me of something from earlier in life?")
	emotions := newNamesField(f.win, "Emotions", "No emotions named", f.emotions, func() {})
	emotions.set(ep.Emotions)
	patterns := newNamesField(f.win, "Patterns", "No patterns named", f.patterns, func() {})
	patterns.set(ep.Patterns)
	f.wishes = newCategoryChecks(journal.WishComponent, ep.CCRT.Wishes)
	f.other = newResponseFields(journal.OtherComponent, ep.CCRT.Other)
	f.self = newResponseFields(journal.SelfComponent, ep.CCRT.Self)
	wishes, otherCCRT, selfCCRT := f.wishes, f.other, f.self
	form := widget.NewForm(
		widget.NewFormItem("With", who),
		widget.NewFormItem("I wanted", wish),
		widget.NewFormItem("The wish, in short", wishes.content),
		widget.NewFormItem("They", other),
		widget.NewFormItem("Their response", otherCCRT.content),
		widget.NewFormItem("I", self),
		widget.NewFormItem("My response", selfCCRT.content),
		widget.NewFormItem("It reminded me of", reminds),
		widget.NewFormItem("Who from earlier", earlier),
		widget.NewFormItem("Emotions", emotions.content),
		widget.NewFormItem("Patterns", patterns.content),
	)
	save := func() {
		edited := journal.Episode{ID: ep.ID, Person: journal.CleanName(who.Text), Wish: wish.Text, OtherResponse: other.Text,
			SelfResponse: self.Text, Reminds: reminds.Text, EarlierPerson: journal.CleanName(earlier.Text),
			Emotions: slices.Clone(emotions.names), Patterns: slices.Clone(patterns.names),
			CCRT: journal.CCRT{Wishes: wishes.chosen(), Other: otherCCRT.response(), Self: selfCCRT.response()}}
		if edited.Person == "" {
			f.edit(i, edited) // back to what was typed, under the message
			showProblem(f.win, "Who was it with?", errors.New("An episode needs the person it was with. Add their name or initials."))
			return
		}
		episodes := slices.Clone(f.episodes)
		if i < 0 {
			episodes = append(episodes, edited)
		} else {
			episodes[i] = edited
		}
		f.set(episodes)
		f.changed()
	}
	choices := []dialogChoice{{label: "Cancel", cancel: true}}
	if i >= 0 {
		choices = append(choices, dialogChoice{label: "Remove", icon: theme.DeleteIcon(), importance: widget.DangerImportance, then: func() {
			f.set(slices.Delete(slices.Clone(f.episodes), i, i+1))
			f.changed()
		}})
	}
	choices = append(choices, dialogChoice{label: "Done", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: save})
	title := "A relationship episode"
	intro := message("One moment with someone: what you wanted, how they responded, how you responded. Over time, the same shape may show up with different people.")
	showChoices(f.win, title, container.NewBorder(intro, nil, nil, nil, container.NewVScroll(form)), fyne.NewSize(760, 640), choices...)
	f.win.Canvas().Focus(who)
}
