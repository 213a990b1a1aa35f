package transfer

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/throughline/throughline/journal"
)

// dayOneMedia is what a Day One export zip holds besides its journals:
// photos/, audios/ and pdfs/, each file named by its md5 and type.
type dayOneMedia struct {
	byMD5 map[string]*zip.File
	named map[string]bool // by an entry, whether or not it could be brought
	read  int64           // bytes of media read so far, held until the import
}

func newDayOneMedia(files []*zip.File) *dayOneMedia {
	m := &dayOneMedia{byMD5: map[string]*zip.File{}, named: map[string]bool{}}
	for _, f := range files {
		base := path.Base(f.Name)
		if f.FileInfo().IsDir() || strings.HasPrefix(base, ".") || strings.EqualFold(path.Ext(base), ".json") {
			continue
		}
		m.byMD5[strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))] = f
	}
	return m
}

// dayOneFile is a photo, recording or PDF as an entry lists it.
type dayOneFile struct {
	MD5      string `json:"md5"`
	Type     string `json:"type"`
	Filename string `json:"filename"`
}

// dayOneKinds are the lists of an entry whose files an entry can hold,
// with the word for one of them.
var dayOneKinds = []struct{ word, fallback string }{{"photo", "jpeg"}, {"audio recording", "m4a"}, {"PDF", "pdf"}}

// dayOneFiles brings an entry's photos, recordings and PDFs out of the
// zip. What can't be brought is counted in m, and said per file in the
// notes: its place, and why.
func (b *Batch) dayOneFiles(de *dayOneEntry, where string, m media) []journal.AttachmentFile {
	m["video"] += len(de.Videos)
	lists := [][]json.RawMessage{de.Photos, de.Audios, de.PDFs}
	if b.dayOneMedia == nil { // a journal's .json alone: the files are not in it
		for i, k := range dayOneKinds {
			m[k.word] += len(lists[i])
		}
		return nil
	}
	var files []journal.AttachmentFile
	taken := map[string]bool{}
	for i, k := range dayOneKinds {
		for n, raw := range lists[i] {
			f, reason := b.dayOneMedia.file(raw, fmt.Sprintf("%s %d", k.word, n+1), k.fallback)
			if reason == "" {
				f.Name = uniqueName(f.Name, taken)
				_, err := journal.NewAttachment(0, f.Name, f.Data)
				if err == nil {
					files = append(files, f)
					continue
				}
				reason = strings.TrimSuffix(strings.TrimSuffix(err.Error(), " Nothing was saved."), ".")
			}
			b.Notes = append(b.Notes, fmt.Sprintf("Left behind %s's %s %d: %s.", where, k.word, n+1, reason))
		}
	}
	return files
}

// file reads one listed file from the zip, or says why it can't.
func (dm *dayOneMedia) file(raw json.RawMessage, name, fallback string) (journal.AttachmentFile, string) {
	var f dayOneFile
	if err := json.Unmarshal(raw, &f); err != nil || strings.TrimSpace(f.MD5) == "" {
		return journal.AttachmentFile{}, "the journal doesn't say which file it is (it has no md5)"
	}
	md5 := strings.ToLower(strings.TrimSpace(f.MD5))
	dm.named[md5] = true
	zf, ok := dm.byMD5[md5]
	if !ok {
		return journal.AttachmentFile{}, fmt.Sprintf("the zip doesn't hold it (no file named %s.%s)", f.MD5, f.Type)
	}
	if zf.UncompressedSize64 > journal.MaxAttachmentSize {
		err := journal.CheckAttachmentSize(zf.Name, int64(min(zf.UncompressedSize64, 1<<62)))
		return journal.AttachmentFile{}, strings.TrimSuffix(strings.TrimSuffix(err.Error(), " Nothing was saved."), ".")
	}
	if dm.read+int64(zf.UncompressedSize64) > maxImportSize {
		return journal.AttachmentFile{}, fmt.Sprintf("the export's files come to more than %s, the most one import brings; import the rest from a smaller export", journal.ByteSize(maxImportSize))
	}
	rc, err := zf.Open()
	if err != nil {
		return journal.AttachmentFile{}, fmt.Sprintf("%s is damaged in the zip (%v)", zf.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, journal.MaxAttachmentSize+1))
	if err != nil {
		return journal.AttachmentFile{}, fmt.Sprintf("%s is damaged in the zip (%v)", zf.Name, err)
	}
	dm.read += int64(len(data))
	if n := strings.TrimSpace(path.Base(strings.ReplaceAll(f.Filename, `\`, "/"))); n != "" && n != "." && n != "/" && journal.CheckAttachmentName(n) == nil {
		name = n
	} else if ext := strings.TrimPrefix(path.Ext(zf.Name), "."); ext != "" {
		name += "." + ext
	} else {
		name += "." + fallback
	}
	return journal.AttachmentFile{Name: name, Data: data}, ""
}

// uniqueName keeps two files of one entry from sharing a name, ignoring
// case as the journal does: the second "photo.jpeg" is "photo (2).jpeg".
func uniqueName(name string, taken map[string]bool) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 2; taken[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s (%d)%s", stem, n, ext)
	}
	taken[strings.ToLower(name)] = true
	return name
}

// mediaTitle names an entry that is only files, as many Day One photo
// entries are, so it can be kept: "Photo", "3 photos and a PDF".
func mediaTitle(files []journal.AttachmentFile) string {
	if len(files) == 1 {
		a, err := journal.NewAttachment(0, files[0].Name, files[0].Data)
		if err == nil {
			return map[journal.AttachmentKind]string{journal.AttachmentImage: "Photo", journal.AttachmentAudio: "Recording", journal.AttachmentPDF: "PDF"}[a.Kind]
		}
	}
	return plural(len(files), "file")
}

// unlisted counts the zip's files that no entry named.
func (dm *dayOneMedia) unlisted() int {
	n := 0
	for md5 := range dm.byMD5 {
		if !dm.named[md5] {
			n++
		}
	}
	return n
}
