package ui

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

const (
	noMood       = "Not rated"
	bodyHint     = "What's on your mind? Write freely: what happened, what you felt, who was there, what it reminded you of.\n\nMarkdown works: **bold**, _italic_, - lists, # headings."
	previewLabel = "Preview"
	editLabel    = "Edit"
)

// moodOptions are the mood choices, index = mood (0 = not rated).
var moodOptions = func() []string {
	opts := []string{noMood}
	for m := journal.MinMood; m <= journal.MaxMood; m++ {
		label := fmt.Sprint(m)
		switch m {
		case journal.MinMood:
			label += " (lowest)"
		case journal.MaxMood:
			label += " (highest)"
		}
		opts = append(opts, label)
	}
	return opts
}()

// editorStore is what the editor reads from the journal: the
// vocabulary its chips choose from, and the people and goals an entry
// links to.
type editorStore interface {
	Emotions() ([]journal.Emotion, error)
	Patterns() ([]journal.Pattern, error)
	peopleLister
	goalsLister
	attachmentStore
}

var _ editorStore = (*jstore.Store)(nil)

// editor is the form for one entry. It holds fields as typed; turning
// them into an entry (and complaining about them) happens on save.
type editor struct {
	win   fyne.Window
	store editorStore

	entryID       int64
	kind          *widget.Select
	when          *widget.Entry
	now           func() time.Time // typed dates are read relative to it
	title         *writingEntry
	prompt        *promptRow // a question to start from, in a new entry
	body          *writingEntry
	preview       *widget.RichText
	previewB      *widget.Button
	bodyArea      *fyne.Container
	mood          *widget.Select
	flag          *widget.Check
	emotions      *namesField
	patterns      *namesField
	episodes      *episodesField
	goals         *goalsField
	files         *attachmentsField
	save          *widget.Button
	delete        *widget.Button
	details       *fyne.Container // the panel of mood, emotions, patterns, ...
	detailsScroll *container.Scroll
	detailsB      *widget.Button  // opens and closes it
	summary       *widget.Label   // what the details hold, in a line
	conflict      *fyne.Container // says the entry changed on two computers at once
	onCompare     func()          // Compare… on that line

	filling   bool   // true while fill sets fields, so it doesn't count as typing
	onChanged func() // the person changed something
	help      func() // F1 in the title or body: the window shows the shortcuts
	content   fyne.CanvasObject
}

func newEditor(ev *env, win fyne.Window, store editorStore) *editor {
	e := &editor{win: win, store: store, now: ev.now}
	changed := func() {
		if e.filling {
			return
		}
		e.followPrompt()
		e.summarise()
		if e.onChanged != nil {
			e.onChanged()
		}
	}
	kinds := make([]string, len(journal.Kinds))
	for i, k := range journal.Kinds {
		kinds[i] = k.Label()
	}
	e.kind = widget.NewSelect(kinds, func(string) { changed() })
	e.when = &widget.Entry{PlaceHolder: "like yesterday 21:00", OnChanged: func(string) { changed() }}
	e.when.ExtendBaseWidget(e.when)
	withDateTimePicker(e.when, ev.now)
	help := func() {
		if e.help != nil {
			e.help()
		}
	}
	e.title = &writingEntry{onF1: help}
	e.title.PlaceHolder, e.title.OnChanged = "Title (optional)", func(string) { changed() }
	e.title.ExtendBaseWidget(e.title)
	e.body = &writingEntry{onF1: help}
	e.body.MultiLine, e.body.Wrapping, e.body.PlaceHolder = true, fyne.TextWrapWord, bodyHint
	e.body.OnChanged = func(string) { changed() }
	e.body.ExtendBaseWidget(e.body)
	e.prompt = newPromptRow(e.anotherPrompt, e.usePrompt)
	e.preview = widget.NewRichText()
	e.preview.Wrapping = fyne.TextWrapWord
	e.previewB = widget.NewButtonWithIcon(previewLabel, theme.VisibilityIcon(), e.togglePreview)
	e.bodyArea = container.NewStack(e.body)
	e.mood = widget.NewSelect(moodOptions, func(string) { changed() })
	e.flag = widget.NewCheck("Bring to my next session", func(bool) { changed() })
	e.emotions = newNamesField(win, "Emotions", "No emotions named", e.emotionChoices, changed)
	e.patterns = newNamesField(win, "Patterns", "No patterns named", e.patternChoices, changed)
	e.episodes = newEpisodesField(win, store, e.emotionChoices, e.patternChoices, changed)
	e.goals = newGoalsField(win, store, changed)
	e.files = newAttachmentsField(ev, win, store)
	e.files.added = e.revealFiles
	e.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), nil)
	e.save.Importance = widget.HighImportance
	e.delete = widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), nil)

	top := container.NewBorder(nil, nil, container.NewHBox(e.kind, widget.NewLabel("Written")), nil, e.when)
	form := widget.NewForm(
		widget.NewFormItem("Mood", container.NewHBox(e.mood)),
		widget.NewFormItem("Session", e.flag),
		widget.NewFormItem("Emotions", e.emotions.content),
		widget.NewFormItem("Patterns", e.patterns.content),
		widget.NewFormItem("Episodes", e.episodes.content),
		widget.NewFormItem("Goals", e.goals.content),
		widget.NewFormItem("Files", e.files.content),
	)
	e.detailsScroll = container.NewVScroll(form)
	e.details = container.NewStack(e.detailsScroll)
	e.detailsB = widget.NewButtonWithIcon("Details", theme.MenuDropDownIcon(), e.toggleDetails)
	e.summary = widget.NewLabel("")
	e.summary.Importance, e.summary.Truncation = widget.LowImportance, fyne.TextTruncateEllipsis
	e.showDetails(fyne.CurrentApp().Preferences().Bool(prefDetailsOpen))
	strip := container.NewBorder(nil, nil, container.NewHBox(e.previewB, e.detailsB), container.NewHBox(e.delete, e.save), e.summary)
	e.conflict = newConflictBanner(func() { e.onCompare() })
	header := container.NewVBox(top, e.conflict, e.title, e.prompt.content)
	// Objects in reading order, so Tab goes title, prompt, body, the
	// strip, then the details.
	e.content = container.New(&editorLayout{form: form}, header, e.bodyArea, strip, e.details)
	e.prompt.relayout = e.content.Refresh
	return e
}

// writingEntry is a multi-line entry that lets Tab move on to the next
// field, as in a form, instead of typing a tab: otherwise a keyboard
// user could never leave the body. Markdown indents with spaces.
type writingEntry struct {
	widget.Entry
	onF1 func() // F1 opens the shortcuts sheet even here, where an Entry would drop it
}

func (*writingEntry) AcceptsTab() bool { return false }

func (e *writingEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF1 && e.onF1 != nil {
		e.onF1()
		return
	}
	e.Entry.TypedKey(ev)
}

// togglePreview switches the body between editing and rendered Markdown.
func (e *editor) togglePreview() {
	if e.previewB.Text == previewLabel {
		if e.win.Canvas().Focused() == e.body {
			// Keys would go on into the body, hidden behind the preview.
			e.win.Canvas().Focus(e.previewB)
		}
		e.preview.ParseMarkdown(previewMarkdown(e.body.Text))
		e.bodyArea.Objects = []fyne.CanvasObject{container.NewVScroll(e.preview)}
		e.previewB.SetText(editLabel)
		e.previewB.SetIcon(theme.DocumentCreateIcon())
	} else {
		e.bodyArea.Objects = []fyne.CanvasObject{e.body}
		e.previewB.SetText(previewLabel)
		e.previewB.SetIcon(theme.VisibilityIcon())
		e.win.Canvas().Focus(e.body)
	}
	e.bodyArea.Refresh()
}

// previewing reports whether the body shows rendered Markdown.
func (e *editor) previewing() bool { return e.previewB.Text == editLabel }

// fill shows d in the form without counting as a change.
func (e *editor) fill(d journal.Draft) {
	e.filling = true
	defer func() { e.filling = false }()
	e.prompt.hide()       // offered again only for a new entry
	e.showConflict(false) // shown again by the journal for an entry that has one
	if e.previewing() {
		e.togglePreview()
	}
	e.entryID = d.EntryID
	kind, _ := journal.ParseKind(string(d.Kind))
	e.kind.SetSelected(kind.Label())
	e.when.SetText(d.WrittenAt)
	e.title.SetText(d.Title)
	e.body.SetText(d.Body)
	if d.Mood >= journal.MinMood && d.Mood <= journal.MaxMood {
		e.mood.SetSelectedIndex(d.Mood)
	} else {
		e.mood.SetSelectedIndex(0)
	}
	e.flag.SetChecked(d.Flagged)
	e.emotions.set(d.Emotions)
	e.patterns.set(d.Patterns)
	e.episodes.set(d.Episodes)
	e.goals.set(d.GoalIDs)
	e.files.set(d.EntryID)
	e.summarise()
	if d.EntryID == 0 {
		e.delete.SetText("Discard…")
	} else {
		e.delete.SetText("Delete…")
	}
}

// draft is the form's contents as typed.
func (e *editor) draft() journal.Draft {
	kind, _ := journal.ParseKind(e.kind.Selected)
	return journal.Draft{
		EntryID:   e.entryID,
		Kind:      kind,
		WrittenAt: e.when.Text,
		Title:     e.title.Text,
		Body:      e.body.Text,
		Mood:      max(e.mood.SelectedIndex(), 0),
		Emotions:  slices.Clone(e.emotions.names),
		Patterns:  slices.Clone(e.patterns.names),
		Episodes:  slices.Clone(e.episodes.episodes),
		GoalIDs:   slices.Clone(e.goals.ids),
		Flagged:   e.flag.Checked,
	}
}

// entry turns the form into an entry, or says what to fix.
func (e *editor) entry() (journal.Entry, error) {
	d := e.draft()
	at, err := journal.ParseWhen(d.WrittenAt, e.now())
	if err != nil {
		return journal.Entry{}, err
	}
	entry := journal.Entry{
		ID: d.EntryID, WrittenAt: at, Kind: d.Kind, Title: d.Title, Body: d.Body,
		Mood: d.Mood, Emotions: d.Emotions, Patterns: d.Patterns, Flagged: d.Flagged, Episodes: d.Episodes, GoalIDs: d.GoalIDs,
	}
	return entry, entry.Validate()
}

// draftOf is how a saved entry looks in the form.
func draftOf(e journal.Entry) journal.Draft {
	return journal.Draft{
		EntryID: e.ID, Kind: e.Kind, WrittenAt: e.WrittenAt.Format(journal.DateTimeLayout),
		Title: e.Title, Body: e.Body, Mood: e.Mood,
		Emotions: e.Emotions, Patterns: e.Patterns, Flagged: e.Flagged, Episodes: e.Episodes, GoalIDs: e.GoalIDs,
	}
}

// blankDraft is a new entry written now.
func blankDraft(now time.Time) journal.Draft {
	return journal.Draft{Kind: journal.KindReflection, WrittenAt: now.Format(journal.DateTimeLayout)}
}

// sameDraft compares two form states, treating empty and missing lists
// alike.
func sameDraft(a, b journal.Draft) bool {
	return a.EntryID == b.EntryID && a.Kind == b.Kind && a.WrittenAt == b.WrittenAt &&
		a.Title == b.Title && a.Body == b.Body && a.Mood == b.Mood && a.Flagged == b.Flagged &&
		slices.Equal(a.Emotions, b.Emotions) && slices.Equal(a.Patterns, b.Patterns) &&
		slices.EqualFunc(a.Episodes, b.Episodes, sameEpisode) && slices.Equal(a.GoalIDs, b.GoalIDs)
}

func sameEpisode(a, b journal.Episode) bool {
	return a.Person == b.Person && a.Wish == b.Wish && a.OtherResponse == b.OtherResponse && a.SelfResponse == b.SelfResponse &&
		a.Reminds == b.Reminds && a.EarlierPerson == b.EarlierPerson &&
		slices.Equal(a.Emotions, b.Emotions) && slices.Equal(a.Patterns, b.Patterns)
}

func (e *editor) emotionChoices() ([]choiceGroup, error) {
	emotions, err := e.store.Emotions()
	if err != nil {
		return nil, err
	}
	var groups []choiceGroup
	for _, em := range emotions {
		if len(groups) == 0 || groups[len(groups)-1].name != em.Family {
			groups = append(groups, choiceGroup{name: em.Family})
		}
		g := &groups[len(groups)-1]
		g.choices = append(g.choices, choice{name: em.Name, description: em.Description})
	}
	return groups, nil
}

func (e *editor) patternChoices() ([]choiceGroup, error) {
	patterns, err := e.store.Patterns()
	if err != nil {
		return nil, err
	}
	byCategory := map[string]*choiceGroup{}
	var groups []*choiceGroup
	for _, p := range patterns {
		if p.Archived {
			continue // no longer offered; entries that name it keep it
		}
		g, ok := byCategory[p.Category]
		if !ok {
			g = &choiceGroup{name: journal.CategoryTitle(p.Category)}
			byCategory[p.Category] = g
			groups = append(groups, g)
		}
		g.choices = append(g.choices, choice{name: p.Name, description: p.Description})
	}
	out := make([]choiceGroup, len(groups))
	for i, g := range groups {
		out[i] = *g
	}
	return out, nil
}

// showConflict shows or hides the notice that the entry changed on two
// computers, and lays the editor out again, so no gap is left where it
// was.
func (e *editor) showConflict(show bool) {
	if show == e.conflict.Visible() {
		return
	}
	if show {
		e.conflict.Show()
	} else {
		e.conflict.Hide()
	}
	e.content.Refresh()
}
