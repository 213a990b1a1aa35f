package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	analysis "github.com/throughline/throughline/patterns"
)

// vocabularyScreen shows the words Throughline offers for naming
// patterns and feelings, with what each pattern means.
type vocabularyScreen struct {
	win        fyne.Window
	store      Store
	background background
	patterns   *fyne.Container
	emotions   *fyne.Container
	content    fyne.CanvasObject
}

func newVocabularyScreen(win fyne.Window, store Store) *vocabularyScreen {
	v := &vocabularyScreen{win: win, store: store, background: inBackground, patterns: container.NewVBox(), emotions: container.NewVBox()}
	intro := widget.NewLabel("The names you can give to what you notice. Pick them for an entry in the editor; names you add there appear here too.")
	intro.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(
		container.NewVScroll(container.NewPadded(v.patterns)),
		container.NewVScroll(container.NewPadded(v.emotions)))
	split.Offset = 0.6
	v.content = container.NewBorder(intro, nil, nil, nil, split)
	return v
}

// reload reads the vocabulary and how often each pattern was named,
// off the UI goroutine: counting goes through every entry.
func (v *vocabularyScreen) reload() {
	v.background(func() func() {
		patterns, perr := v.store.Patterns()
		emotions, eerr := v.store.Emotions()
		taggings, terr := v.store.Taggings(time.Time{}, time.Time{})
		uses := map[string]int{}
		for _, f := range analysis.Frequencies(taggings) {
			uses[f.Name] = f.Entries
		}
		return func() { v.show(patterns, emotions, uses, errors.Join(perr, eerr, terr)) }
	})
}

func (v *vocabularyScreen) show(patterns []journal.Pattern, emotions []journal.Emotion, uses map[string]int, err error) {
	v.patterns.RemoveAll()
	v.emotions.RemoveAll()
	if err != nil {
		v.patterns.Add(widget.NewLabel(err.Error()))
	}
	heading := func(text string) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.SizeName = "subHeadingText"
		return l
	}
	v.patterns.Add(heading("Patterns"))
	category := ""
	for _, p := range patterns {
		if p.Category != category {
			category = p.Category
			v.patterns.Add(widget.NewLabelWithStyle(categoryTitle(category), fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Italic: true}))
		}
		text := "**" + p.Name + "**"
		if p.Description != "" {
			text += " — " + p.Description
		}
		switch n := uses[p.Name]; n {
		case 0:
		case 1:
			text += " *(in 1 entry)*"
		default:
			text += fmt.Sprintf(" *(in %d entries)*", n)
		}
		line := widget.NewRichTextFromMarkdown(text)
		line.Wrapping = fyne.TextWrapWord
		v.patterns.Add(line)
	}
	v.emotions.Add(heading("Feelings"))
	var family string
	var words []string
	flush := func() {
		if len(words) > 0 {
			l := widget.NewLabel(capitalise(family) + ": " + strings.Join(words, ", "))
			l.Wrapping = fyne.TextWrapWord
			v.emotions.Add(l)
		}
	}
	for _, e := range emotions {
		if e.Family != family {
			flush()
			family, words = e.Family, nil
		}
		words = append(words, e.Name)
	}
	flush()
}
