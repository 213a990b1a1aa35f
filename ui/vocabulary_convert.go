package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
)

// convertForm asks what a word moved between patterns and feelings
// needs: the family a pattern joins as a feeling, or which feeling
// becomes a pattern.
type convertForm struct {
	pick    *widget.Select
	message *widget.Label
	content fyne.CanvasObject
	options map[string]journal.Emotion // feelings, by the option shown
}

// onToEmotion asks which family of feelings the pattern joins, then
// makes it a feeling.
func (v *vocabularyScreen) onToEmotion(p journal.Pattern) {
	f := &convertForm{message: widget.NewLabel("")}
	f.message.Wrapping = fyne.TextWrapWord
	var families []string
	for _, fam := range journal.EmotionFamilies {
		families = append(families, capitalise(fam))
	}
	f.pick = widget.NewSelect(families, nil)
	f.pick.SetSelected(capitalise(journal.FamilyOther))
	text := fmt.Sprintf("“%s” will be a feeling instead of a pattern. Every entry and episode that names it keeps it, as a feeling. You can make it a pattern again from here.", p.Name)
	if p.Description != "" || p.Colour != "" {
		text += " Its description and colour are not kept: feelings have none."
	}
	f.message.SetText(text)
	f.content = container.NewVBox(widget.NewForm(widget.NewFormItem("Family", f.pick)), f.message)
	v.converting = f
	showChoices(v.win, "Make “"+p.Name+"” a feeling", f.content, fyne.NewSize(560, 260),
		dialogChoice{label: "Cancel", cancel: true},
		dialogChoice{label: "Make it a feeling", icon: theme.ConfirmIcon(), importance: widget.HighImportance, focused: true, then: func() {
			conv, err := v.store.PatternToEmotion(p.ID, journal.NameKey(f.pick.Selected))
			if err != nil {
				showProblem(v.win, "Couldn't make the pattern a feeling", err)
				return
			}
			v.changed(0, conv.Message())
			v.win.Canvas().Focus(v.toPattern)
		}},
	)
}

// onToPattern asks which feeling becomes a pattern, then makes it one.
func (v *vocabularyScreen) onToPattern() {
	f := &convertForm{message: widget.NewLabel(""), options: map[string]journal.Emotion{}}
	f.message.Wrapping = fyne.TextWrapWord
	var names []string
	for _, e := range v.shownEmotions {
		label := e.Name + " (" + e.Family + ")"
		names = append(names, label)
		f.options[label] = e
	}
	f.pick = widget.NewSelect(names, nil)
	f.pick.PlaceHolder = "(choose a feeling)"
	f.message.SetText("The feeling you choose will be a pattern of your own instead. Every entry and episode that names it keeps it, as a pattern.")
	f.content = container.NewVBox(widget.NewForm(widget.NewFormItem("Feeling", f.pick)), f.message)
	v.converting = f
	showChoices(v.win, "Make a feeling a pattern", f.content, fyne.NewSize(560, 260),
		dialogChoice{label: "Cancel", cancel: true},
		dialogChoice{label: "Make it a pattern", icon: theme.ConfirmIcon(), importance: widget.HighImportance, then: func() {
			e, ok := f.options[f.pick.Selected]
			if !ok {
				showProblem(v.win, "Nothing was changed",
					journal.Errorf(journal.EInvalid, "Choose the feeling to make a pattern, then press Make it a pattern. Nothing was changed."))
				return
			}
			conv, err := v.store.EmotionToPattern(e.ID)
			if err != nil {
				showProblem(v.win, "Couldn't make the feeling a pattern", err)
				return
			}
			v.changed(conv.ID, conv.Message())
		}},
	)
	v.win.Canvas().Focus(f.pick)
}
