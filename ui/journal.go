package ui

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// pageSize is how many entries the list loads at a time: enough to fill
// a tall screen twice, small enough to load in a few milliseconds.
const pageSize = 60

// journalStore is what the Journal screen needs from the journal: the
// entries, the draft kept while typing, and what the editor and the
// prompts read.
type journalStore interface {
	Entries(journal.EntryQuery) ([]journal.Entry, error)
	Entry(id int64) (journal.Entry, error)
	CreateEntry(journal.Entry) (journal.Entry, error)
	UpdateEntry(journal.Entry) (journal.Entry, error)
	DeleteEntry(id int64) error
	Draft() (journal.Draft, bool, error)
	draftStore
	editorStore
	promptStore
	conflictStore
}

var _ journalStore = (*jstore.Store)(nil)

// journalScreen is the entry list beside the editor.
type journalScreen struct {
	*env
	win      fyne.Window
	store    journalStore
	editor   *editor
	autosave *autosaver
	activity func() // the person did something: typing keeps an encrypted journal unlocked
	free     freeMode

	list         *widget.List
	entries      []journal.Entry // loaded so far, newest first
	hasMore      bool            // more entries exist past the last loaded
	loading      bool            // a page is being loaded
	baseline     journal.Draft   // the editor's contents as last loaded or saved
	ignoreSelect bool

	colours map[string]color.NRGBA // each pattern's colour, by its name key, for the chips

	status    *widget.Label
	listArea  *fyne.Container // the list, or a note that there is nothing yet
	right     *fyne.Container // the editor, or the welcome
	welcome   fyne.CanvasObject
	emptyList fyne.CanvasObject
	content   fyne.CanvasObject
}

func newJournalScreen(e *env, win fyne.Window, store journalStore) *journalScreen {
	s := &journalScreen{win: win, store: store, env: e, activity: func() {}}
	s.editor = newEditor(e, win, store)
	s.editor.onCompare = s.compareVersions
	s.editor.files.entryFor = s.entryForFiles
	s.editor.files.say = s.setStatus
	s.editor.onChanged = s.onEdited
	s.editor.save.OnTapped = s.onSave
	s.editor.delete.OnTapped = s.onDelete
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.autosave = newAutosaver(store, func(err error) {
		if err != nil {
			fyne.Do(func() { s.setStatus("Couldn't keep the draft: " + err.Error()) })
			return
		}
		fyne.Do(func() { s.setStatus("Draft kept " + s.now().Format("15:04:05") + ". Save with Ctrl+S.") })
	})

	s.list = widget.NewList(s.length, func() fyne.CanvasObject { return newEntryRow() }, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.welcome = newWelcome(s.onNew)
	s.right = container.NewStack()
	empty := widget.NewLabel("No entries yet.")
	empty.Importance = widget.LowImportance
	s.emptyList = container.NewCenter(empty)
	s.listArea = container.NewStack(s.list)
	newButton := widget.NewButtonWithIcon("New entry", theme.ContentAddIcon(), s.onNew)
	left := container.NewBorder(newButton, nil, nil, nil, s.listArea)
	split := container.NewHSplit(left, container.NewPadded(s.right))
	split.Offset = 0.34
	s.content = container.NewBorder(nil, s.status, nil, nil, split)

	s.loadFirstPage()
	s.restoreDraft()
	return s
}

// loadFirstPage (re)loads the newest entries. It runs on the UI
// goroutine: one page takes a few milliseconds even in a large journal.
func (s *journalScreen) loadFirstPage() {
	page, err := s.store.Entries(journal.EntryQuery{Limit: pageSize})
	if err != nil {
		s.setStatus(err.Error())
		return
	}
	s.entries, s.hasMore = page, len(page) == pageSize
	s.loadColours()
	s.refreshList()
}

// loadColours reads the patterns' colours again, as the Vocabulary may
// have changed them. If they can't be read, the chips keep the ones
// they had.
func (s *journalScreen) loadColours() {
	patterns, err := s.store.Patterns()
	if err != nil {
		s.setStatus(err.Error())
		return
	}
	s.colours = make(map[string]color.NRGBA, len(patterns))
	for _, p := range patterns {
		s.colours[journal.NameKey(p.Name)] = colourOf(p)
	}
}

// patternColour is the colour of the pattern called name, or the colour of
// the patterns of one's own for a name not in the vocabulary.
func (s *journalScreen) patternColour(name string) color.NRGBA {
	if c, ok := s.colours[journal.NameKey(name)]; ok {
		return c
	}
	return colourOf(journal.Pattern{Category: journal.CategoryOwn})
}

// refreshList redraws the list, or says there is nothing in it yet.
func (s *journalScreen) refreshList() {
	if len(s.entries) == 0 {
		s.listArea.Objects = []fyne.CanvasObject{s.emptyList}
	} else {
		s.listArea.Objects = []fyne.CanvasObject{s.list}
	}
	s.listArea.Refresh()
	s.list.Refresh()
}

// loadNextPage fetches the page after the last loaded entry off the UI
// goroutine, so scrolling never waits on the disk.
func (s *journalScreen) loadNextPage() {
	if s.loading || !s.hasMore || len(s.entries) == 0 {
		return
	}
	s.loading = true
	after := journal.CursorAfter(s.entries[len(s.entries)-1])
	s.background(func() func() {
		page, err := s.store.Entries(journal.EntryQuery{After: after, Limit: pageSize})
		return func() {
			s.loading = false
			if err != nil {
				s.setStatus(err.Error())
				return
			}
			s.entries = append(s.entries, page...)
			s.hasMore = len(page) == pageSize
			s.refreshList()
		}
	})
}

func (s *journalScreen) length() int { return len(s.entries) }

func (s *journalScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.entries) {
		return
	}
	o.(*entryRow).set(s.entries[id], s.patternColour)
	if id >= len(s.entries)-pageSize/3 {
		s.loadNextPage()
	}
}

// restoreDraft puts back what was being typed when the app last closed.
func (s *journalScreen) restoreDraft() {
	d, ok, err := s.store.Draft()
	if err != nil {
		s.setStatus(err.Error())
	}
	if !ok {
		if len(s.entries) == 0 {
			s.right.Objects = []fyne.CanvasObject{s.welcome}
			return
		}
		s.open(s.entries[0])
		return
	}
	s.baseline = blankDraft(s.now())
	if d.EntryID != 0 {
		if e, err := s.store.Entry(d.EntryID); err == nil {
			s.baseline = draftOf(e)
		} else {
			d.EntryID = 0 // the entry is gone; keep the text as a new one
		}
	}
	s.showEditor()
	s.editor.fill(d)
	s.selectInList(d.EntryID)
	s.setStatus(fmt.Sprintf("Restored what you were writing (kept %s). Save it with Ctrl+S, or Discard it.", d.SavedAt.Format("Mon 2 Jan 15:04")))
}

// focusStart puts the cursor where a person would start typing.
func (s *journalScreen) focusStart() {
	if s.freeWriting() {
		s.free.session.show() // unlocked mid free association: back to the page
		return
	}
	if len(s.right.Objects) == 1 && s.right.Objects[0] == s.editor.content {
		s.win.Canvas().Focus(s.editor.title)
		return
	}
	focusFirst(s.win.Canvas())
}

// focusOnLaunch puts the focus on the list of entries, where the arrow
// keys choose one to read, rather than in an old entry's title, where
// the first key pressed would change it. A draft being written, or an
// empty journal, starts where focusStart would.
func (s *journalScreen) focusOnLaunch() {
	if len(s.entries) > 0 && !s.dirty() && !s.freeWriting() {
		s.win.Canvas().Focus(s.list)
		return
	}
	s.focusStart()
}

func (s *journalScreen) showEditor() {
	s.right.Objects = []fyne.CanvasObject{s.editor.content}
	s.right.Refresh()
}

// open shows a saved entry in the editor.
func (s *journalScreen) open(e journal.Entry) {
	s.baseline = draftOf(e)
	s.showEditor()
	s.editor.fill(s.baseline)
	s.editor.showConflict(e.Conflicted)
	s.selectInList(e.ID)
}

func (s *journalScreen) dirty() bool {
	return s.right.Objects[0] == s.editor.content && !sameDraft(s.editor.draft(), s.baseline)
}

// onEdited runs on every change in the editor.
func (s *journalScreen) onEdited() {
	s.activity()
	if s.dirty() {
		s.autosave.Changed(s.editor.draft())
		s.setStatus("Unsaved changes")
		return
	}
	if err := s.autosave.Cancel(); err != nil {
		s.setStatus(err.Error())
	}
	s.setStatus("")
}

// whenSettled runs next once unsaved changes are saved or discarded; it
// does nothing if the person keeps editing.
func (s *journalScreen) whenSettled(next func()) {
	if !s.dirty() {
		next()
		return
	}
	askUnsaved(s.win, func() {
		s.save(next)
	}, func() {
		if err := s.autosave.Cancel(); err != nil {
			s.setStatus(err.Error())
		}
		next()
	})
}

func (s *journalScreen) onNew() {
	s.whenSettled(func() { s.startEntry(blankDraft(s.now()), s.editor.title, "") })
}

// startEntry opens d as a new entry with the cursor in focus, offering a
// prompt to start from (first, if it names one).
func (s *journalScreen) startEntry(d journal.Draft, focus fyne.Focusable, first string) {
	s.baseline = d
	s.showEditor()
	s.editor.fill(d)
	s.ignoreSelect = true
	s.list.UnselectAll()
	s.ignoreSelect = false
	s.win.Canvas().Focus(focus)
	s.offerPrompt(first)
}

// openByID shows an entry chosen in the list, or elsewhere, such as
// from the pattern view, once unsaved changes are settled. Chosen
// elsewhere, the entry takes the focus: the screen it was chosen on is
// gone, and the list keeps it only when the entry was chosen there.
func (s *journalScreen) openByID(id int64, focus bool) {
	s.whenSettled(func() {
		e, err := s.store.Entry(id)
		if err != nil {
			showProblem(s.win, "Couldn't open the entry", err)
			return
		}
		s.open(e)
		if focus {
			s.win.Canvas().Focus(s.editor.title)
		}
	})
}

func (s *journalScreen) onSelected(id widget.ListItemID) {
	if s.ignoreSelect || id >= len(s.entries) {
		return
	}
	target := s.entries[id].ID
	if target == s.editor.entryID && s.right.Objects[0] == s.editor.content {
		return
	}
	s.openByID(target, false)
	// Until the person decides, the list keeps showing the entry being edited.
	s.selectInList(s.editor.entryID)
}

func (s *journalScreen) onSave() {
	if s.right.Objects[0] != s.editor.content {
		return
	}
	s.save(nil)
}

// save saves the editor as an entry, linking the patterns its text
// names as #tags, then runs then (if set). A tag that isn't a pattern
// yet is offered as a new one first.
func (s *journalScreen) save(then func()) {
	e, err := s.editor.entry()
	if err != nil {
		showProblem(s.win, "Couldn't save yet", err)
		return
	}
	unknown, err := s.linkTags(&e)
	if err != nil {
		showProblem(s.win, "Couldn't read the patterns", err)
		return
	}
	if len(unknown) == 0 {
		s.commit(e, then)
		return
	}
	tags := "#" + strings.Join(unknown, ", #")
	add := func() {
		e.Patterns = append(e.Patterns, unknown...)
		s.commit(e, then)
	}
	question := fmt.Sprintf("The text names %s, which isn't a pattern yet. Add it as a pattern of your own?", tags)
	if len(unknown) > 1 {
		question = fmt.Sprintf("The text names %s, which aren't patterns yet. Add them as patterns of your own?", tags)
	}
	showChoices(s.win, "New patterns?", message(question),
		fyne.NewSize(520, 200),
		dialogChoice{label: "Save without", then: func() { s.commit(e, then) }},
		dialogChoice{label: "Add and save", icon: theme.ContentAddIcon(), importance: widget.HighImportance, then: add, focused: true},
	)
}

// linkTags adds the patterns e's body names as #tags to its patterns,
// and returns the tags that aren't patterns yet.
func (s *journalScreen) linkTags(e *journal.Entry) (unknown []string, err error) {
	tags := journal.InlineTags(e.Body)
	if len(tags) == 0 {
		return nil, nil
	}
	patterns, err := s.store.Patterns()
	if err != nil {
		return nil, err
	}
	known := make(map[string]string, len(patterns))
	for _, p := range patterns {
		known[journal.NameKey(p.Name)] = p.Name
	}
	for _, tag := range tags {
		if name, ok := known[journal.NameKey(tag)]; ok {
			if !slices.ContainsFunc(e.Patterns, func(n string) bool { return journal.NameKey(n) == journal.NameKey(name) }) {
				e.Patterns = append(e.Patterns, name)
			}
		} else {
			unknown = append(unknown, tag)
		}
	}
	return unknown, nil
}

// commit writes e and shows it saved.
func (s *journalScreen) commit(e journal.Entry, then func()) {
	var err error
	if e.ID == 0 {
		e, err = s.store.CreateEntry(e)
	} else {
		e, err = s.store.UpdateEntry(e)
	}
	if err != nil {
		showProblem(s.win, "Couldn't save the entry", err)
		return
	}
	if err := s.autosave.Cancel(); err != nil {
		s.setStatus(err.Error())
	}
	s.place(e)
	s.open(e)
	s.setStatus("Saved " + s.now().Format("15:04:05"))
	if then != nil {
		then()
	}
}

// place puts a saved entry where it belongs in the loaded list.
func (s *journalScreen) place(e journal.Entry) {
	s.entries = slices.DeleteFunc(s.entries, func(old journal.Entry) bool { return old.ID == e.ID })
	at := len(s.entries)
	for i, old := range s.entries {
		if newerThan(e, old) {
			at = i
			break
		}
	}
	if at < len(s.entries) || !s.hasMore {
		// Older than everything loaded, it appears when scrolled to.
		s.entries = slices.Insert(s.entries, at, e)
	}
	s.refreshList()
}

func newerThan(a, b journal.Entry) bool {
	if !a.WrittenAt.Equal(b.WrittenAt) {
		return a.WrittenAt.After(b.WrittenAt)
	}
	return a.ID > b.ID
}

func (s *journalScreen) selectInList(id int64) {
	s.ignoreSelect = true
	defer func() { s.ignoreSelect = false }()
	for i, e := range s.entries {
		if e.ID == id {
			s.list.Select(i)
			if s.list.Size().Height == 0 && i == 0 {
				// Not laid out yet, Select scrolled as if the list had no
				// room at all, leaving the first entry one row out of sight.
				s.list.ScrollToTop()
			}
			return
		}
	}
	s.list.UnselectAll()
}

func (s *journalScreen) onDelete() {
	if s.right.Objects[0] != s.editor.content {
		return
	}
	id := s.editor.entryID
	if id == 0 {
		showChoices(s.win, "Discard this entry?", message("It hasn't been saved, so it will be gone."), fyne.NewSize(420, 160),
			dialogChoice{label: "Keep it", focused: true, cancel: true},
			dialogChoice{label: "Discard", icon: theme.DeleteIcon(), importance: widget.DangerImportance, then: s.afterRemoval},
		)
		return
	}
	title := s.baseline.Title
	if title == "" {
		title = "this untitled entry"
	} else {
		title = "“" + title + "”"
	}
	remove := func() {
		if err := s.store.DeleteEntry(id); err != nil {
			showProblem(s.win, "Couldn't delete the entry", err)
			return
		}
		s.entries = slices.DeleteFunc(s.entries, func(e journal.Entry) bool { return e.ID == id })
		s.afterRemoval()
		s.setStatus("Deleted.")
	}
	showChoices(s.win, "Delete entry", message(fmt.Sprintf("Delete %s from %s? This can't be undone.", title, s.baseline.WrittenAt)),
		fyne.NewSize(480, 180),
		dialogChoice{label: "Keep it", focused: true, cancel: true},
		dialogChoice{label: "Delete", icon: theme.DeleteIcon(), importance: widget.DangerImportance, then: remove},
	)
}

// afterRemoval shows what comes after the entry in the editor is gone.
func (s *journalScreen) afterRemoval() {
	if err := s.autosave.Cancel(); err != nil {
		s.setStatus(err.Error())
	}
	s.refreshList()
	if len(s.entries) == 0 {
		s.baseline = journal.Draft{}
		s.editor.fill(blankDraft(s.now()))
		s.right.Objects = []fyne.CanvasObject{s.welcome}
		s.right.Refresh()
		s.list.UnselectAll()
		focusFirst(s.win.Canvas()) // not the editor just taken away
		return
	}
	s.open(s.entries[0])
}

func (s *journalScreen) setStatus(text string) { s.status.SetText(text) }

// catchUp re-reads the newest entries, so what the command line wrote
// while the window was in the background shows when it comes back. The
// editor is left alone: what is being typed stays as it is.
func (s *journalScreen) catchUp() {
	if s.freeWriting() {
		return
	}
	s.loadFirstPage()
	if s.right.Objects[0] == s.editor.content {
		s.selectInList(s.editor.entryID)
		if s.editor.entryID != 0 {
			s.editor.files.load() // `throughline attach` may have added some
		}
	}
}

// entryForFiles gives then the id of the entry in the editor, for files
// to be attached to. A new entry is saved first, as Ctrl+S would: the
// file then goes straight into the journal, and neither it nor the text
// waits in memory, where a crash would lose it.
func (s *journalScreen) entryForFiles(then func(entryID int64)) {
	if s.right.Objects[0] != s.editor.content {
		showChoices(s.win, "No entry to attach to", message("Open an entry, or start a new one with Ctrl+N, then attach the file to it."),
			fyne.NewSize(480, 180), dialogChoice{label: "OK", focused: true})
		return
	}
	if s.editor.entryID != 0 {
		then(s.editor.entryID)
		return
	}
	if _, err := s.editor.entry(); err != nil {
		showProblem(s.win, "Save the entry first", journal.Errorf(journal.EInvalid,
			"A new entry is saved before it holds a file, and this one can't be saved yet: %s Nothing was attached.", err))
		return
	}
	s.save(func() { then(s.editor.entryID) })
}

// attachDropped attaches the files dropped on the window to the entry
// in the editor. Only files on this computer can be: a web address
// dropped from a browser is never fetched.
func (s *journalScreen) attachDropped(items []fyne.URI) {
	var paths []string
	for _, u := range items {
		if u.Scheme() != "file" {
			showChoices(s.win, "Couldn't attach that", message("Only files on this computer can be attached. Save it to a folder first, then drop or choose the file; nothing was saved."),
				fyne.NewSize(480, 180), dialogChoice{label: "OK", focused: true})
			return
		}
		paths = append(paths, u.Path())
	}
	s.editor.files.addPaths(paths)
}
