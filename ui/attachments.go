package ui

import (
	"fmt"
	"image"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
)

// attachmentStore is what the editor's files read and write.
type attachmentStore interface {
	AddAttachments(entryID int64, files []journal.AttachmentFile) ([]journal.Attachment, error)
	Attachments(entryID int64) ([]journal.Attachment, error)
	AttachmentData(entryID int64, name string) ([]byte, error)
	DeleteAttachment(entryID int64, name string) error
}

var _ attachmentStore = (*jstore.Store)(nil)

// attachmentsField shows the files an entry holds, pictures as
// thumbnails and recordings and PDFs as rows, and adds files chosen or
// dropped.
type attachmentsField struct {
	*env
	win   fyne.Window
	store attachmentStore

	// entryFor gives then the id of the entry in the editor, saving a new
	// one first; it says why when it can't.
	entryFor func(then func(entryID int64))
	say      func(string)              // a line in the status bar
	added    func()                    // files were attached: the editor shows them
	openURL  func(u *url.URL) error    // the system's player or viewer
	copies   func() *tempCopies        // where opened files are copied
	entryID  int64                     // the entry shown; 0 for a new one
	held     []journal.Attachment      // what it holds, in the order added
	thumbs   map[string]*thumbnail     // by name
	opens    map[string]*widget.Button // Open, for files shown as rows
	removes  map[string]*widget.Button // Remove…, for every file
	pictures *fyne.Container           // the thumbnails
	rows     *fyne.Container           // recordings and PDFs
	attach   *widget.Button
	content  fyne.CanvasObject
}

func newAttachmentsField(e *env, win fyne.Window, store attachmentStore) *attachmentsField {
	f := &attachmentsField{env: e, win: win, store: store, say: func(string) {}, added: func() {},
		entryFor: func(func(int64)) {},
		openURL:  func(u *url.URL) error { return fyne.CurrentApp().OpenURL(u) },
		copies:   func() *tempCopies { return e.copies },
	}
	f.pictures = container.NewHBox()
	f.rows = container.NewVBox()
	f.attach = widget.NewButtonWithIcon("Attach a file…", theme.FileIcon(), f.choose)
	hint := widget.NewLabel("or drop one on the window: a picture, a recording or a PDF")
	hint.Importance = widget.LowImportance
	f.content = container.NewVBox(container.NewHScroll(f.pictures), f.rows, container.NewHBox(f.attach, hint))
	return f
}

// set shows the files of entry id (none for a new entry).
func (f *attachmentsField) set(id int64) {
	f.entryID = id
	f.held = nil
	f.rebuild()
	if id != 0 {
		f.load()
	}
}

// load reads the entry's files again and shows them.
func (f *attachmentsField) load() {
	id := f.entryID
	f.background(func() func() {
		held, err := f.store.Attachments(id)
		return func() {
			if id != f.entryID {
				return // another entry was opened meanwhile
			}
			if err != nil {
				f.say("Couldn't list the entry's files: " + err.Error())
				return
			}
			f.held = held
			f.rebuild()
		}
	})
}

func (f *attachmentsField) rebuild() {
	f.thumbs = map[string]*thumbnail{}
	f.opens = map[string]*widget.Button{}
	f.removes = map[string]*widget.Button{}
	f.pictures.RemoveAll()
	f.rows.RemoveAll()
	for _, a := range f.held {
		remove := widget.NewButtonWithIcon("Remove…", theme.DeleteIcon(), func() { f.askRemove(a) })
		remove.Importance = widget.LowImportance
		f.removes[a.Name] = remove
		if a.Kind == journal.AttachmentImage {
			t := newThumbnail(func() { f.viewPicture(a) })
			f.thumbs[a.Name] = t
			// Beside the picture, not under it, so the body keeps its room.
			name := widget.NewLabel(a.Name)
			name.Truncation = fyne.TextTruncateEllipsis
			about := container.NewVBox(container.New(&minWidth{width: thumbnailSize}, name), widget.NewLabel(journal.ByteSize(a.Size)), container.NewHBox(remove))
			f.pictures.Add(container.NewHBox(t, container.New(&maxWidth{width: 1.5 * thumbnailSize}, about)))
			f.loadThumbnail(a, t)
			continue
		}
		open := widget.NewButtonWithIcon("Open", theme.MediaPlayIcon(), func() { f.openCopy(a) })
		icon := theme.FileAudioIcon()
		if a.Kind == journal.AttachmentPDF {
			icon = theme.DocumentIcon()
		}
		f.opens[a.Name] = open
		f.rows.Add(container.NewBorder(nil, nil, widget.NewIcon(icon), container.NewHBox(widget.NewLabel(journal.ByteSize(a.Size)), open, remove),
			widget.NewLabelWithStyle(a.Name, fyne.TextAlignLeading, fyne.TextStyle{})))
	}
	f.pictures.Refresh()
	f.rows.Refresh()
}

// loadThumbnail decodes a picture off the UI goroutine. One Go can't
// read (such as HEIC) keeps its placeholder and opens in the system's
// viewer instead.
func (f *attachmentsField) loadThumbnail(a journal.Attachment, t *thumbnail) {
	f.background(func() func() {
		data, err := f.store.AttachmentData(a.EntryID, a.Name)
		var small image.Image
		if err == nil {
			var img image.Image
			if img, err = decodePicture(data); err == nil {
				small = shrink(img, 2*thumbnailSize) // sharp on a display scaled 2x
			}
		}
		return func() {
			if err != nil {
				t.onOpen = func() { f.openCopy(a) }
				return
			}
			t.show(small)
		}
	})
}

// viewPicture shows a picture full size.
func (f *attachmentsField) viewPicture(a journal.Attachment) {
	f.background(func() func() {
		data, err := f.store.AttachmentData(a.EntryID, a.Name)
		var img image.Image
		if err == nil {
			img, err = decodePicture(data)
		}
		return func() {
			if err != nil {
				showProblem(f.win, "Couldn't show the picture", err)
				return
			}
			showPicture(f.win, a.Name, img)
		}
	})
}

// openCopy writes a private copy of the file and opens it in the
// system's player or viewer, which can't read inside the journal.
func (f *attachmentsField) openCopy(a journal.Attachment) {
	copies := f.copies()
	f.background(func() func() {
		data, err := f.store.AttachmentData(a.EntryID, a.Name)
		var path string
		if err == nil && copies == nil {
			err = fmt.Errorf("there is no private folder to copy it to")
		}
		if err == nil {
			path, err = copies.write(a.EntryID, a.Name, data)
		}
		return func() {
			if err == nil {
				err = f.openURL(&url.URL{Scheme: "file", Path: path})
			}
			if err != nil {
				showProblem(f.win, "Couldn't open "+a.Name, err)
				return
			}
			f.say("Opened " + a.Name + " from a private copy, which is removed when Throughline closes.")
		}
	})
}

// choose picks a file with the toolkit's file chooser.
func (f *attachmentsField) choose() {
	d := dialog.NewFileOpen(f.chosen, f.win)
	d.SetTitleText("Attach a file to the entry")
	d.SetConfirmText("Attach")
	if fyne.CurrentApp().Preferences().String("fyne:fileDialogLastFolder") == "" {
		// Where people keep pictures, rather than the app's own storage.
		if home, err := os.UserHomeDir(); err == nil {
			if here, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
				d.SetLocation(here)
			}
		}
	}
	d.Resize(f.win.Canvas().Size().SubtractWidthHeight(80, 80))
	d.Show()
	closesOnEscape(f.win, d.Dismiss, d.SetOnClosed)
}

// chosen attaches the file picked in the chooser; nil when cancelled.
func (f *attachmentsField) chosen(r fyne.URIReadCloser, err error) {
	if err != nil {
		showProblem(f.win, "Couldn't open that file", err)
		return
	}
	if r == nil {
		return
	}
	r.Close() // read again by its path, as a dropped file is
	f.addPaths([]string{r.URI().Path()})
}

// addPaths attaches the files at paths to the entry, all or none, as the
// chooser and a drop both do. The files are read off the UI goroutine.
func (f *attachmentsField) addPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	f.entryFor(func(entryID int64) {
		f.say("Attaching…")
		f.background(func() func() {
			files, err := readAttachmentFiles(paths)
			if err == nil {
				_, err = f.store.AddAttachments(entryID, files)
			}
			return func() {
				f.say("")
				if err != nil {
					showProblem(f.win, "Couldn't attach the file", err)
					return
				}
				if entryID == f.entryID {
					f.load()
					f.added()
				}
				names := make([]string, len(files))
				for i, file := range files {
					names[i] = file.Name
				}
				f.say("Attached " + strings.Join(names, ", ") + ".")
			}
		})
	})
}

// readAttachmentFiles reads files to attach, refusing one too large by
// its size on disk before reading it.
func readAttachmentFiles(paths []string) ([]journal.AttachmentFile, error) {
	files := make([]journal.AttachmentFile, len(paths))
	for i, path := range paths {
		name := filepath.Base(path)
		info, err := os.Stat(path)
		if err == nil && info.IsDir() {
			return nil, journal.Errorf(journal.EInvalid, "%s is a folder. Attach the files inside it instead; nothing was saved.", name)
		}
		if err == nil {
			err = journal.CheckAttachmentSize(name, info.Size())
		}
		if journal.ErrorCode(err) == journal.EInvalid {
			return nil, err
		}
		var data []byte
		if err == nil {
			data, err = os.ReadFile(path)
		}
		if err != nil {
			return nil, journal.Errorf(journal.EInvalid, "Couldn't read %s: it may have been moved, or you may not be allowed to read it. Nothing was saved.", name)
		}
		files[i] = journal.AttachmentFile{Name: name, Data: data}
	}
	return files, nil
}

// askRemove removes a file from the entry once the person agrees.
// Keeping it has the focus: a stray Return loses nothing.
func (f *attachmentsField) askRemove(a journal.Attachment) {
	remove := func() {
		f.background(func() func() {
			err := f.store.DeleteAttachment(a.EntryID, a.Name)
			return func() {
				if err != nil {
					showProblem(f.win, "Couldn't remove "+a.Name, err)
					return
				}
				if a.EntryID == f.entryID {
					f.load()
				}
				f.say("Removed " + a.Name + ".")
			}
		})
	}
	showChoices(f.win, "Remove the file?",
		message(fmt.Sprintf("Remove %s (%s) from this entry? It is deleted from the journal and can't be brought back, though the file you attached it from is untouched.", a.Name, journal.ByteSize(a.Size))),
		fyne.NewSize(520, 200),
		dialogChoice{label: "Keep it", focused: true, cancel: true},
		dialogChoice{label: "Remove", icon: theme.DeleteIcon(), importance: widget.DangerImportance, then: remove},
	)
}
