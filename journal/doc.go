// Package journal is Throughline's domain: entries, goals, sessions,
// measures, people and the vocabulary, the rules that check them, the
// text rules (inline tags, dates, search typing) and errors written for
// people. It holds no database: journal/store keeps these types in
// SQLite, and imports this package, never the reverse.
package journal
