package ui

import (
	"math/rand/v2"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/throughline/throughline/journal"
	jstore "github.com/throughline/throughline/journal/store"
	"github.com/throughline/throughline/patterns"
	"github.com/throughline/throughline/patterns/prompts"
)

// recentPatternDays is how far back "lately" reaches when choosing a
// prompt for the patterns a person has been noticing: about the time
// between a few sessions.
const recentPatternDays = 30

// recentPatternCount is how many of the most frequent recent patterns a
// prompt may speak to; past a handful, everything matches something.
const recentPatternCount = 5

// promptRow offers a reflection prompt in a new, empty entry: a question
// to start from, another one on request, or the question as the entry's
// heading. It never takes the focus; Tab reaches its buttons after the
// title.
type promptRow struct {
	text    *widget.Label
	another *widget.Button
	use     *widget.Button
	content *fyne.Container
	// relayout lays out what holds the row again, once it shows or
	// hides: the space it takes changes.
	relayout func()

	rand    *rand.Rand // tests seed their own
	ctx     prompts.Context
	current string // the prompt on show, "" when none is

	// The title and body the entry started with: the row stays until the
	// person changes either, so a prefilled title ("Dream, ...") keeps it.
	startTitle, startBody string
	offer                 int  // counts offers, so a late answer for an old one is ignored
	waiting               bool // an offer is reading the person's goals and patterns
}

func newPromptRow(another, use func()) *promptRow {
	r := &promptRow{rand: rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 0))}
	// In the text colour, not the faint one: in the light theme a faint
	// prompt read as a placeholder rather than an invitation.
	r.text = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	r.text.Wrapping = fyne.TextWrapWord
	r.another = widget.NewButtonWithIcon("Another prompt", theme.ViewRefreshIcon(), another)
	r.another.Importance = widget.LowImportance
	r.use = widget.NewButtonWithIcon("Use as heading", theme.ContentAddIcon(), use)
	r.use.Importance = widget.LowImportance
	r.content = container.NewBorder(nil, nil, nil, container.NewHBox(r.another, r.use), r.text)
	r.content.Hide()
	return r
}

// shown reports whether a prompt is on show.
func (r *promptRow) shown() bool { return r.current != "" && r.content.Visible() }

// hide takes the prompt away, and any offer still being prepared.
func (r *promptRow) hide() {
	r.offer++
	r.waiting = false
	r.current = ""
	if r.content.Visible() {
		r.content.Hide()
		r.relayoutHolder()
	}
}

// show puts p on show.
func (r *promptRow) show(p prompts.Prompt) {
	if p.Text == "" {
		r.hide()
		return
	}
	r.current = p.Text
	r.text.SetText(p.Text)
	r.content.Show()
	r.relayoutHolder() // a longer prompt may take another line
}

func (r *promptRow) relayoutHolder() {
	if r.relayout == nil {
		return
	}
	// Twice: a wrapping label knows how many lines it needs only once it
	// has been given its width.
	r.relayout()
	r.relayout()
}

// offerPrompt offers a prompt in the new entry just opened. The person's
// goals and recent patterns are read off the UI goroutine; if they have
// started writing by then, the prompt is not shown. first, when it names
// a prompt for the entry's kind, is offered before any other.
func (s *journalScreen) offerPrompt(first string) {
	e, r := s.editor, s.editor.prompt
	r.hide()
	r.startTitle, r.startBody = e.title.Text, e.body.Text
	r.waiting = true
	offer, now := r.offer, s.now()
	s.background(func() func() {
		ctx, err := promptContext(s.store, now)
		return func() {
			if offer != r.offer || !r.waiting {
				return // written in, or another entry opened, meanwhile
			}
			r.waiting = false
			if err != nil {
				// A prompt isn't worth an error message: offer one for anyone.
				fyne.LogError("reading goals and patterns for a prompt", err)
			}
			r.ctx = ctx
			r.ctx.Kind = e.kindValue()
			if p, ok := prompts.Find(first); ok && p.Suits(r.ctx.Kind) {
				r.show(p)
				return
			}
			r.show(prompts.Pick(r.ctx, r.rand, ""))
		}
	})
}

// promptStore is what choosing prompts reads from the journal.
type promptStore interface {
	Goals() ([]journal.Goal, error)
	Taggings(from, before time.Time) ([]journal.Tagging, error)
	Patterns() ([]journal.Pattern, error)
}

var _ promptStore = (*jstore.Store)(nil)

// promptContext is what prompts are chosen for: the titles of active
// goals, and the patterns most frequent in the last recentPatternDays
// with their categories.
func promptContext(store promptStore, now time.Time) (prompts.Context, error) {
	var ctx prompts.Context
	goals, err := store.Goals()
	if err != nil {
		return ctx, err
	}
	for _, g := range goals {
		if g.Status == journal.GoalActive {
			ctx.Goals = append(ctx.Goals, g.Title)
		}
	}
	taggings, err := store.Taggings(now.AddDate(0, 0, -recentPatternDays), time.Time{})
	if err != nil {
		return ctx, err
	}
	freqs := patterns.Frequencies(taggings)
	if len(freqs) == 0 {
		return ctx, nil
	}
	vocabulary, err := store.Patterns()
	if err != nil {
		return ctx, err
	}
	category := make(map[string]string, len(vocabulary))
	for _, p := range vocabulary {
		category[journal.NameKey(p.Name)] = p.Category
	}
	for _, f := range freqs[:min(len(freqs), recentPatternCount)] {
		ctx.Patterns = append(ctx.Patterns, f.Name)
		if c := category[journal.NameKey(f.Name)]; c != "" {
			ctx.Categories = append(ctx.Categories, c)
		}
	}
	return ctx, nil
}

// kindValue is the kind chosen in the form.
func (e *editor) kindValue() journal.Kind {
	k, _ := journal.ParseKind(e.kind.Selected)
	return k
}

// followPrompt keeps the prompt in step with what the person does: it
// goes once they write in the title or body, and changes with the kind
// of entry while they haven't.
func (e *editor) followPrompt() {
	r := e.prompt
	if !r.waiting && !r.shown() {
		return
	}
	if e.title.Text != r.startTitle || e.body.Text != r.startBody {
		r.hide()
		return
	}
	if kind := e.kindValue(); r.shown() && kind != r.ctx.Kind {
		r.ctx.Kind = kind
		r.show(prompts.Pick(r.ctx, r.rand, ""))
	}
}

// anotherPrompt shows a different prompt.
func (e *editor) anotherPrompt() {
	r := e.prompt
	if !r.shown() {
		return
	}
	r.show(prompts.Pick(r.ctx, r.rand, r.current))
}

// usePrompt puts the prompt at the top of the body as a Markdown heading
// and the cursor under it, ready to write.
func (e *editor) usePrompt() {
	r := e.prompt
	if !r.shown() {
		return
	}
	heading := "## " + r.current + "\n\n"
	r.hide()
	// The row shows only while the body is untouched, which for a new
	// entry is empty: the end of the text is just past the heading.
	e.body.SetText(heading + e.body.Text)
	e.win.Canvas().Focus(e.body)
	e.body.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // to the end
}
