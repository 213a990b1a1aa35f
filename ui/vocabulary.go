package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	analysis "github.com/throughline/throughline/patterns"
)

// vocabularyStore is what the Vocabulary screen needs from the journal.
type vocabularyStore interface {
	Patterns() ([]journal.Pattern, error)
	Emotions() ([]journal.Emotion, error)
	Taggings(from, before time.Time) ([]journal.Tagging, error)
	AddPattern(journal.Pattern) (journal.Pattern, error)
	UpdatePattern(journal.Pattern) (journal.Pattern, error)
	ArchivePattern(id int64, archived bool) error
	MergePatterns(from, into int64) error
	PatternToEmotion(id int64, family string) (journal.Conversion, error)
	EmotionToPattern(id int64) (journal.Conversion, error)
}

var _ vocabularyStore = (*jstore.Store)(nil)

// vocabularyScreen shows the words Throughline offers for naming
// patterns and feelings, with what each pattern means, and lets the
// person add, change, archive and merge their patterns.
type vocabularyScreen struct {
	*env
	win      fyne.Window
	store    vocabularyStore
	add      *dialogButton
	status   *widget.Label
	patterns *fyne.Container
	scroll   *container.Scroll // around patterns
	emotions *fyne.Container
	content  fyne.CanvasObject

	toPattern     *dialogButton     // turns a feeling into a pattern
	shownEmotions []journal.Emotion // as last loaded
	converting    *convertForm      // the make-it-a-feeling or -pattern dialog last opened

	shown      []journal.Pattern     // as last loaded
	rows       map[int64]*patternRow // by pattern id, as last shown
	editing    *patternForm          // the edit dialog last opened
	merging    *mergeForm            // the merge dialog last opened
	focusAfter int64                 // the pattern whose row takes the focus after the next reload
}

// patternRow is one pattern in the list with what can be done to it.
// An archived pattern has only restore; the others have the rest.
type patternRow struct {
	content                       fyne.CanvasObject
	text                          *widget.RichText
	edit, archive, merge, restore *dialogButton
	feeling                       *dialogButton // makes the pattern a feeling
}

func newVocabularyScreen(e *env, win fyne.Window, store vocabularyStore) *vocabularyScreen {
	v := &vocabularyScreen{win: win, store: store, env: e,
		patterns: container.NewVBox(), emotions: container.NewVBox(), rows: map[int64]*patternRow{}}
	intro := widget.NewLabel("The names you can give to what you notice. Pick them for an entry in the editor; names you add there appear here too. Here you can add, rename, recolour, archive and merge your patterns, and move a word between patterns and feelings.")
	intro.Wrapping = fyne.TextWrapWord
	v.add = newDialogButton("Add a pattern", theme.ContentAddIcon(), widget.MediumImportance, v.onAdd)
	v.status = widget.NewLabel("")
	v.status.Importance = widget.LowImportance
	v.status.Truncation = fyne.TextTruncateEllipsis
	// Objects in reading order, so Tab reaches Add before the rows.
	header := container.NewPadded(container.NewBorder(nil, nil, nil, v.add, vocabularyHeading("Patterns")))
	v.scroll = container.NewVScroll(container.NewPadded(v.patterns))
	left := container.New(layout.NewBorderLayout(header, nil, nil, nil), header, v.scroll)
	v.toPattern = newDialogButton("Make one a pattern…", nil, widget.LowImportance, v.onToPattern)
	right := container.NewBorder(
		container.NewPadded(container.NewBorder(nil, nil, nil, v.toPattern, vocabularyHeading("Feelings"))), nil, nil, nil,
		container.NewVScroll(container.NewPadded(v.emotions)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.66
	v.content = container.NewBorder(intro, v.status, nil, nil, split)
	return v
}

func vocabularyHeading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
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
	v.rows = map[int64]*patternRow{}
	v.shown = patterns
	if err != nil {
		v.patterns.Add(widget.NewLabel(err.Error()))
	}
	v.showPatterns(patterns, uses)
	v.showEmotions(emotions)
	if row, ok := v.rows[v.focusAfter]; ok {
		v.bringIntoView(row.content)
		v.win.Canvas().Focus(row.first())
	}
	v.focusAfter = 0
}

// bringIntoView scrolls the list just enough that o, one of its rows,
// shows: the focus doesn't take the view along with it.
func (v *vocabularyScreen) bringIntoView(o fyne.CanvasObject) {
	v.scroll.Refresh() // lays out the rows just added
	top := o.Position().Y + theme.Padding()
	bottom, view := top+o.Size().Height, v.scroll.Size().Height
	switch {
	case top < v.scroll.Offset.Y:
		v.scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > v.scroll.Offset.Y+view:
		v.scroll.ScrollToOffset(fyne.NewPos(0, bottom-view))
	}
}

// showPatterns lists the patterns in use by category, in the order of
// journal.Categories, then the archived ones.
func (v *vocabularyScreen) showPatterns(patterns []journal.Pattern, uses map[string]int) {
	order := func(p journal.Pattern) int {
		if i := slices.Index(journal.Categories, p.Category); i >= 0 {
			return i
		}
		return len(journal.Categories)
	}
	active := slices.DeleteFunc(slices.Clone(patterns), func(p journal.Pattern) bool { return p.Archived })
	slices.SortStableFunc(active, func(a, b journal.Pattern) int { return order(a) - order(b) })
	category := ""
	for _, p := range active {
		if p.Category != category {
			category = p.Category
			v.patterns.Add(widget.NewLabelWithStyle(journal.CategoryTitle(category), fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Italic: true}))
		}
		v.patterns.Add(v.rowFor(p, uses[p.Name]))
	}
	first := true
	for _, p := range patterns {
		if !p.Archived {
			continue
		}
		if first {
			v.patterns.Add(widget.NewSeparator())
			v.patterns.Add(vocabularyHeading("Archived"))
			note := widget.NewLabel("Entries that name these keep them. Restore one to use it again.")
			note.Importance = widget.LowImportance
			note.Wrapping = fyne.TextWrapWord
			v.patterns.Add(note)
			first = false
		}
		v.patterns.Add(v.rowFor(p, uses[p.Name]))
	}
}

// rowFor shows a pattern's colour, its name, description and how often
// it was named, and its buttons.
func (v *vocabularyScreen) rowFor(p journal.Pattern, uses int) fyne.CanvasObject {
	strong, plain, quiet := widget.RichTextStyleStrong, widget.RichTextStyleInline, widget.RichTextStyleEmphasis
	colour := colourOf(p)
	if p.Archived {
		strong.ColorName, plain.ColorName, quiet.ColorName = theme.ColorNameDisabled, theme.ColorNameDisabled, theme.ColorNameDisabled
		colour.A = 0x60
	}
	// Spaces end segments rather than start them: when RichText moves a
	// whole segment to the next line, a leading space would indent it.
	var segments []widget.RichTextSegment
	add := func(text string, style widget.RichTextStyle) {
		if len(segments) > 0 {
			segments[len(segments)-1].(*widget.TextSegment).Text += " "
		}
		segments = append(segments, &widget.TextSegment{Text: text, Style: style})
	}
	add(p.Name, strong)
	if p.Adaptive {
		add("(adaptive)", quiet)
	}
	if p.Description != "" {
		add("— "+p.Description, plain)
	}
	switch uses {
	case 0:
	case 1:
		add("(in 1 entry)", quiet)
	default:
		add(fmt.Sprintf("(in %d entries)", uses), quiet)
	}
	row := &patternRow{text: widget.NewRichText(segments...)}
	row.text.Wrapping = fyne.TextWrapWord

	var buttons []fyne.CanvasObject
	if p.Archived {
		row.restore = newDialogButton("Restore", theme.ViewRefreshIcon(), widget.LowImportance, func() { v.setArchived(p, false) })
		buttons = append(buttons, row.restore)
	} else {
		row.edit = newDialogButton("Edit…", nil, widget.LowImportance, func() { v.onEdit(p) })
		row.archive = newDialogButton("Archive", nil, widget.LowImportance, func() { v.setArchived(p, true) })
		row.merge = newDialogButton("Merge into…", nil, widget.LowImportance, func() { v.onMerge(p) })
		row.feeling = newDialogButton("Make it a feeling…", nil, widget.LowImportance, func() { v.onToEmotion(p) })
		buttons = append(buttons, row.edit, row.archive, row.merge, row.feeling)
	}
	v.rows[p.ID] = row

	dot := canvas.NewRectangle(colour)
	dot.CornerRadius = 6
	dot.SetMinSize(fyne.NewSize(12, 12))
	// Level with the first line of the name.
	lead := theme.InnerPadding() + (theme.TextSize()*1.3-12)/2
	left := container.NewVBox(container.New(layout.NewCustomPaddedLayout(lead, 0, 0, 0), dot))
	// Two a line, so the name and description keep room to read.
	right := container.NewVBox(container.NewGridWithColumns(min(len(buttons), 2), buttons...))
	row.content = container.NewBorder(nil, nil, left, right, row.text)
	return row.content
}

// first is the row's first button, which takes the focus after a change.
func (r *patternRow) first() fyne.Focusable {
	if r.restore != nil {
		return r.restore
	}
	return r.edit
}

func (v *vocabularyScreen) showEmotions(emotions []journal.Emotion) {
	v.shownEmotions = emotions
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

// changed says what happened, then reloads the list and puts the focus
// on the changed pattern's row.
func (v *vocabularyScreen) changed(id int64, status string) {
	v.status.SetText(status)
	v.focusAfter = id
	v.reload()
}

func (v *vocabularyScreen) onAdd() {
	v.editing = newPatternForm(journal.Pattern{Category: journal.CategoryOwn})
	v.showForm(v.editing)
	v.win.Canvas().Focus(v.editing.name) // a new pattern starts with its name
}

func (v *vocabularyScreen) onEdit(p journal.Pattern) {
	v.editing = newPatternForm(p)
	v.showForm(v.editing)
}

func (v *vocabularyScreen) showForm(f *patternForm) {
	title := "Add a pattern"
	if f.original.ID != 0 {
		title = "Edit “" + f.original.Name + "”"
	}
	showChoices(v.win, title, f.content, fyne.NewSize(620, 380),
		dialogChoice{label: "Cancel", cancel: true},
		dialogChoice{label: "Save", icon: theme.DocumentSaveIcon(), importance: widget.HighImportance, then: func() { v.save(f) }, focused: true},
	)
}

// save adds or changes the pattern. When the journal refuses, the form
// comes back as it was, under the reason, so nothing typed is lost.
func (v *vocabularyScreen) save(f *patternForm) {
	p := f.pattern()
	var err error
	if p.ID == 0 {
		p, err = v.store.AddPattern(p)
	} else {
		p, err = v.store.UpdatePattern(p)
	}
	if err != nil {
		f.forgetFocus()
		v.showForm(f)
		showProblem(v.win, "Couldn't save the pattern", err)
		return
	}
	if f.original.ID == 0 {
		v.changed(p.ID, fmt.Sprintf("Added “%s” to %s.", p.Name, journal.CategoryTitle(p.Category)))
	} else {
		v.changed(p.ID, fmt.Sprintf("Saved “%s”.", p.Name))
	}
}

// setArchived archives or restores a pattern. Neither asks first: either
// is undone with one press.
func (v *vocabularyScreen) setArchived(p journal.Pattern, archived bool) {
	if err := v.store.ArchivePattern(p.ID, archived); err != nil {
		showProblem(v.win, "Couldn't change the pattern", err)
		return
	}
	if archived {
		v.changed(p.ID, fmt.Sprintf("Archived “%s”. Entries that name it keep it; Restore, under Archived, brings it back.", p.Name))
	} else {
		v.changed(p.ID, fmt.Sprintf("Restored “%s”.", p.Name))
	}
}

func (v *vocabularyScreen) onMerge(p journal.Pattern) {
	f := newMergeForm(p, v.shown)
	v.merging = f
	showChoices(v.win, "Merge “"+p.Name+"” into another pattern", f.content, fyne.NewSize(560, 230),
		dialogChoice{label: "Keep both", focused: true, cancel: true},
		dialogChoice{label: "Merge", icon: theme.ContentRedoIcon(), importance: widget.DangerImportance, then: func() { v.merge(f) }},
	)
}

func (v *vocabularyScreen) merge(f *mergeForm) {
	into, ok := f.into()
	if !ok {
		showProblem(v.win, "Nothing was merged",
			journal.Errorf(journal.EInvalid, "Choose the pattern to merge “%s” into, then press Merge. Nothing was changed.", f.from.Name))
		return
	}
	if err := v.store.MergePatterns(f.from.ID, into.ID); err != nil {
		showProblem(v.win, "Couldn't merge the patterns", err)
		return
	}
	v.changed(into.ID, fmt.Sprintf("Merged “%s” into “%s”: the entries that named “%s” now name “%s”.", f.from.Name, into.Name, f.from.Name, into.Name))
}
