// Package ui builds Throughline's window. It is the only package that
// knows about Fyne widgets; the journal's rules live in package journal.
package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	jstore "github.com/throughline/throughline/journal/store"
)

// Store is what the window needs from the journal: each screen's own
// small interface, declared beside it, and what the window does itself
// (locking, encryption, the first-run welcome, upkeep and reminders).
type Store interface {
	journalStore
	searchStore
	calendarStore
	patternsStore
	peopleStore
	goalsStore
	sessionsStore
	measuresStore
	vocabularyStore
	exportStore
	settingsStore
	backupsStore
	lockStore
	encryptionStore
	onboardingStore
	upkeepStore
	reminderStore
	importStore
	checkInStore
	syncStore
}

var _ Store = (*jstore.Store)(nil)

// Window is Throughline's main window.
type Window struct {
	app        fyne.App
	win        fyne.Window
	store      Store
	tabs       *container.AppTabs
	main       fyne.CanvasObject // the screens' tabs with the check-in button: the window's content when nothing covers it
	journal    *journalScreen
	search     *searchScreen
	calendar   *calendarScreen
	patterns   *patternsScreen
	people     *peopleScreen
	goals      *goalsScreen
	sessions   *sessionsScreen
	measures   *measuresScreen
	export     *exportScreen
	vocabulary *vocabularyScreen
	backups    *backupsScreen
	settings   *settingsScreen
	reminders  *reminders
	quitOnce   sync.Once
	restore    string // a backup to put in place once the window has closed
	joined     string // a journal built by joining a synced one, to put in place likewise
	// damageShown is set once the window has said the journal is damaged.
	damageShown bool
	idleCheck   *time.Timer // the check to come once the window has been open a while

	*env           // handed to every screen
	lock           lockState
	encryptionForm *encryptionForm // the Encryption dialog's, while open
	onboarding     *onboarding     // the first-run welcome, while it shows
	importing      *importForm     // the Import dialog's, once shown
	checkInButton  *widget.Button  // "How are you right now?", on every screen
	checkIn        *checkInDialog  // the check-in's, once shown
	sync           *syncer         // the rounds of sync, when it is on
	syncForm       *syncForm       // the Sync dialog's, once shown
	joinDialog     *joinForm       // the Join dialog's, once shown
	// The shortcuts sheet's overlay, once shown, so F1 doesn't stack another.
	shortcutsSheet fyne.CanvasObject
}

// New builds the main window on store. An encrypted journal is unlocked
// first: nothing is read from it before.
func New(a fyne.App, store Store) *Window { return newWindow(a, store, liveEnv()) }

// newWindow builds the main window with e for every screen.
func newWindow(a fyne.App, store Store, e *env) *Window {
	applyAppearance(a)
	w := &Window{app: a, win: a.NewWindow("Throughline"), store: store, env: e}
	w.win.Resize(fyne.NewSize(1100, 720))
	w.win.SetCloseIntercept(w.Quit)
	w.win.SetMaster()
	switch {
	case store.Locked():
		w.showUnlock("")
	case w.firstRun():
		w.showOnboarding()
	default:
		w.build()
	}
	return w
}

// build makes the screens, which read the journal as they are made.
func (w *Window) build() {
	store := w.store
	w.journal = newJournalScreen(w.env, w.win, store)
	w.patterns = newPatternsScreen(w.env, w.win, store)
	w.patterns.openEntry = func(id int64) {
		w.showScreen(w.journal.content)
		w.journal.openByID(id, true)
	}
	w.search = newSearchScreen(w.env, w.win, store)
	w.search.openEntry = w.patterns.openEntry
	w.calendar = newCalendarScreen(w.env, w.win, store)
	w.calendar.openEntry = w.patterns.openEntry
	w.people = newPeopleScreen(w.env, w.win, store)
	w.people.openEntry = w.patterns.openEntry
	w.goals = newGoalsScreen(w.env, w.win, store)
	w.goals.openEntry = w.patterns.openEntry
	w.sessions = newSessionsScreen(w.env, w.win, store)
	w.measures = newMeasuresScreen(w.env, w.win, store)
	w.vocabulary = newVocabularyScreen(w.env, w.win, store)
	w.export = newExportScreen(w.env, w.win, store)
	w.settings = newSettingsScreen(w.env, w.app, w.win, store, settingsActions{
		showLocations: w.showLocations, showBackups: w.showBackups, showEncryption: w.showEncryption})
	w.backups = newBackupsScreen(w.env, w.win, store)
	w.backups.restore = func(path string) {
		w.restore = path
		w.Quit()
	}
	w.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Journal", theme.DocumentIcon(), w.journal.content),
		container.NewTabItemWithIcon("Search", theme.SearchIcon(), w.search.content),
		container.NewTabItemWithIcon("Calendar", theme.CalendarIcon(), w.calendar.content),
		container.NewTabItemWithIcon("Patterns", theme.GridIcon(), w.patterns.content),
		container.NewTabItemWithIcon("People", theme.AccountIcon(), w.people.content),
		container.NewTabItemWithIcon("Goals", theme.ConfirmIcon(), w.goals.content),
		container.NewTabItemWithIcon("Sessions", theme.CalendarIcon(), w.sessions.content),
		container.NewTabItemWithIcon("Measures", theme.InfoIcon(), w.measures.content),
		container.NewTabItemWithIcon("Vocabulary", theme.ListIcon(), w.vocabulary.content),
		container.NewTabItemWithIcon("Session prep", theme.DocumentPrintIcon(), w.export.content),
	)
	w.tabs.OnSelected = func(t *container.TabItem) {
		w.touch()
		w.reloadScreen(t.Content)
		w.focusScreen(t.Content)
	}
	w.journal.activity = w.touch
	w.search.activity = w.touch
	w.win.SetMainMenu(w.menu())
	w.checkInButton = widget.NewButtonWithIcon("How are you right now?", theme.ContentAddIcon(), w.unlessDialog(w.showCheckIn))
	w.checkInButton.Importance = widget.LowImportance
	w.sync = newSyncer(w, w.store)
	w.main = container.NewBorder(nil, container.NewHBox(w.sync.label, layout.NewSpacer(), w.checkInButton), nil, nil, w.tabs)
	w.win.SetContent(w.main)
	onWindowKeys(w.win, w.keyAnywhere)
	w.win.SetOnDropped(func(_ fyne.Position, items []fyne.URI) {
		if !w.store.Locked() { // the lock covers the journal; nothing goes in behind it
			w.unlessDialog(func() { w.showScreen(w.journal.content); w.journal.attachDropped(items) })()
		}
	})
	w.journal.editor.help = func() { w.keyAnywhere(fyne.KeyF1) }
	w.app.Lifecycle().SetOnEnteredForeground(w.catchUp)
	w.startAutoLock()
}

// reloadScreen reads a screen's journal data again, as it comes into view.
func (w *Window) reloadScreen(screen fyne.CanvasObject) {
	switch screen {
	case w.journal.content: // the chips take colours chosen in Vocabulary
		w.journal.loadColours()
		w.journal.list.Refresh()
	case w.search.content:
		w.search.reload()
	case w.calendar.content:
		w.calendar.reload()
	case w.patterns.content:
		w.patterns.reload()
	case w.people.content:
		w.people.reload()
	case w.goals.content:
		w.goals.reload()
	case w.sessions.content:
		w.sessions.reload()
	case w.measures.content:
		w.measures.reload()
	case w.vocabulary.content:
		w.vocabulary.reload()
	case w.export.content:
		w.export.reload()
	}
}

func (w *Window) showShortcuts() {
	showShortcuts(w.win, defaultShortcuts())
	w.shortcutsSheet = w.win.Canvas().Overlays().Top()
}

// catchUp shows what changed in the journal while the window was in
// the background, as when the command line wrote to it: the journal's
// list, and the screen in view.
func (w *Window) catchUp() {
	if w.journal == nil || w.store.Locked() || w.win.Content() != w.main {
		return
	}
	w.journal.catchUp()
	if t := w.tabs.Selected(); t != nil {
		w.reloadScreen(t.Content) // the focus stays where the person left it
	}
}

// showSettings shows the settings over the journal.
func (w *Window) showSettings() {
	w.settings.reload()
	showChoices(w.win, "Settings", w.settings.content, fyne.NewSize(760, 640), dialogChoice{label: "Close", focused: true})
}

// showBackups shows the backups over the journal: they are looked at
// now and then, not worth a tab of their own.
func (w *Window) showBackups() {
	w.backups.reload()
	showChoices(w.win, "Backups", w.backups.content, fyne.NewSize(820, 560), dialogChoice{label: "Close", focused: true})
}

// RestoreRequested is the backup the person chose to restore, once the
// window has closed for it; "" when they just quit.
func (w *Window) RestoreRequested() string { return w.restore }

// ShowNotice tells the person something on opening, such as how a
// restore went.
func (w *Window) ShowNotice(title, text string) {
	showChoices(w.win, title, message(text), fyne.NewSize(560, 240), dialogChoice{label: "Close", focused: true})
}

// ShowAndRun shows the window and runs the app until it quits.
func (w *Window) ShowAndRun() {
	w.show()
	w.app.Run()
	// Keys that arrived between a signal's flush and the quit.
	w.keepDraft("keeping the draft after quitting")
	w.removeCopies()
}

// show starts the window's timers and shows it: before the app runs, or
// while it runs, after an upgrade's progress window (see runUpgrading).
func (w *Window) show() {
	if w.journal != nil {
		w.journal.focusOnLaunch()
		w.startDailyBackups()
		w.sync.start()
	}
	w.checkWhenIdle()
	// Here, not in New, so tests never start the minute ticker.
	w.reminders = startReminders(w.app, w.store, w.now)
	setupTray(w.app, func() { w.win.Show(); w.win.RequestFocus() }, func() {
		w.win.Show()
		w.win.RequestFocus()
		if w.journal != nil && !w.store.Locked() {
			w.unlessDialog(func() { w.showScreen(w.journal.content); w.journal.onNew() })()
		}
	}, w.Quit)
	w.win.Show()
	if !interceptKeys(w.win, w.keyAnywhere) {
		fyne.LogError("Escape and F1 work only outside text fields: the toolkit's window isn't the one expected", nil)
	}
}

// keepDraft saves what is being typed, unless the journal is locked, when
// the draft was kept on locking.
func (w *Window) keepDraft(when string) {
	if w.journal == nil || w.store.Locked() {
		return
	}
	if err := w.journal.autosave.Flush(); err != nil {
		fyne.LogError(when, err)
	}
}

// Quit keeps whatever is being typed as a draft, then quits. It is safe
// to call from any goroutine, such as a signal handler.
func (w *Window) Quit() {
	w.quitOnce.Do(func() {
		if w.reminders != nil {
			w.reminders.stop()
		}
		if w.idleCheck != nil {
			// A restore may follow, which wants the journal open nowhere.
			w.idleCheck.Stop()
		}
		if w.sync != nil {
			w.sync.stop()
		}
		w.keepDraft("keeping the draft before quitting")
		fyne.Do(w.app.Quit)
	})
}

// removeCopies removes the copies of attachments opened in other
// programs: outside the journal, they are not protected by it.
func (w *Window) removeCopies() {
	if w.copies == nil {
		return
	}
	if err := w.copies.removeAll(); err != nil {
		fyne.LogError("removing the copies of opened files", err)
	}
}

// showScreen selects the tab that holds screen.
func (w *Window) showScreen(screen fyne.CanvasObject) {
	for _, t := range w.tabs.Items {
		if t.Content == screen {
			w.tabs.Select(t)
			return
		}
	}
}

// ctrlShortcut is Ctrl and key, for a menu item.
func ctrlShortcut(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

func (w *Window) menu() *fyne.MainMenu {
	item := func(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, w.unlessDialog(func() { w.touch(); action() }))
		i.Shortcut = ctrlShortcut(key)
		return i
	}
	// Quitting and locking also work from the free-association page: both
	// keep what is being written.
	anyPage := func(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, func() {
			if w.win.Canvas().Overlays().Top() == nil {
				action()
			}
		})
		i.Shortcut = ctrlShortcut(key)
		return i
	}
	// The crisis resources open over anything, a dialog included.
	anyDialog := func(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, action)
		i.Shortcut = ctrlShortcut(key)
		return i
	}
	quit := anyPage("Quit", fyne.KeyQ, w.Quit)
	quit.IsQuit = true
	show := func(screen fyne.CanvasObject) func() { return func() { w.showScreen(screen) } }
	// What acts on the entry being written shows it first: never an
	// entry out of sight, behind another screen.
	onEntry := func(action func()) func() { return func() { w.showScreen(w.journal.content); action() } }
	return fyne.NewMainMenu(
		fyne.NewMenu("File",
			item("New entry", fyne.KeyN, func() { w.showScreen(w.journal.content); w.journal.onNew() }),
			withShift(item("Free association…", fyne.KeyN, func() { w.showScreen(w.journal.content); w.journal.askFreeAssociation() })),
			item("New dream", fyne.KeyD, func() { w.showScreen(w.journal.content); w.journal.quickDream() }),
			item("How are you right now?…", fyne.KeyM, w.showCheckIn),
			item("Save", fyne.KeyS, onEntry(w.journal.onSave)),
			item("Delete entry…", fyne.KeyDelete, onEntry(w.journal.onDelete)),
			withShift(item("Attach a file…", fyne.KeyA, onEntry(w.journal.editor.files.choose))),
			item("Find…", fyne.KeyF, func() { w.showScreen(w.search.content); w.search.focus() }),
			item("Prepare for my session…", fyne.KeyE, show(w.export.content)),
			item("Backups…", fyne.KeyB, w.showBackups),
			item("Import from another app…", fyne.KeyI, w.showImport),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Encryption…", w.unlessDialog(w.showEncryption)),
			fyne.NewMenuItem("Sync…", w.unlessDialog(w.showSync)),
			anyPage("Lock now", fyne.KeyL, w.lockNow),
			item("Settings…", fyne.KeyComma, w.showSettings),
			fyne.NewMenuItemSeparator(),
			quit,
		),
		fyne.NewMenu("View",
			item("Journal", fyne.Key1, show(w.journal.content)),
			item("Search", fyne.Key2, show(w.search.content)),
			item("Calendar", fyne.Key3, show(w.calendar.content)),
			item("Patterns", fyne.Key4, show(w.patterns.content)),
			item("People", fyne.Key5, show(w.people.content)),
			item("Goals", fyne.Key6, show(w.goals.content)),
			item("Sessions", fyne.Key7, show(w.sessions.content)),
			item("Measures", fyne.Key8, show(w.measures.content)),
			item("Vocabulary", fyne.Key9, show(w.vocabulary.content)),
			item("Markdown preview", fyne.KeyP, onEntry(w.journal.editor.togglePreview)),
			item("Entry details", fyne.KeyJ, onEntry(w.journal.editor.toggleDetails)),
		),
		fyne.NewMenu("Help",
			// Not behind unlessDialog: it must open whatever else is open.
			withShift(anyDialog("If you're struggling right now", fyne.KeyH, func() { showCrisisHelp(w.win, w.store) })),
			item("A short guide", fyne.KeyH, func() { showHelp(w.win, w.store) }),
			item("Keyboard shortcuts", fyne.KeySlash, w.showShortcuts),
			fyne.NewMenuItem("Where my journal lives", w.showLocations),
			fyne.NewMenuItem("About Throughline", w.unlessDialog(w.showAbout)),
		),
	)
}

// unlessDialog runs action only when no dialog is open: a shortcut must
// not act behind a question the person hasn't answered yet, nor on the
// editor hidden behind the free-association page.
func (w *Window) unlessDialog(action func()) func() {
	return func() {
		if w.win.Canvas().Overlays().Top() == nil && (w.journal == nil || !w.journal.freeWriting()) {
			action()
		}
	}
}

// withShift makes a menu item's shortcut Ctrl+Shift rather than Ctrl.
func withShift(i *fyne.MenuItem) *fyne.MenuItem {
	if s, ok := i.Shortcut.(*desktop.CustomShortcut); ok {
		s.Modifier |= fyne.KeyModifierShift
	}
	return i
}

// showCheckIn notes a mood without an entry; the screen in view shows
// it at once.
func (w *Window) showCheckIn() {
	w.checkIn = showCheckIn(w.env, w.win, w.store, func() { w.reloadScreen(w.tabs.Selected().Content) })
}

func (w *Window) showLocations() {
	showChoices(w.win, "Where your journal lives", locationsView(w.store.Path(), w.app.Storage().RootURI()), fyne.NewSize(760, 320),
		dialogChoice{label: "Close", focused: true})
}

// ShowOpenError tells the person why the journal couldn't be opened, in
// a window of its own, and returns when they close it.
func ShowOpenError(a fyne.App, err error) {
	w := a.NewWindow("Throughline")
	view, button := openErrorView(err, w.Close)
	w.SetContent(view)
	w.Resize(fyne.NewSize(560, 220))
	w.Canvas().Focus(button) // Space closes it
	w.ShowAndRun()
}
