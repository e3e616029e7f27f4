package fetch

import (
	"context"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// ReadURL fetches a web page or a feed and turns it into articles the way
// articles.ReadFile does a file: a page gives one article (extracted with
// readability), a feed one per item, and people and places are recognised.
// Failures are *articles.Error naming the URL.
func (c *Client) ReadURL(ctx context.Context, rawURL string) ([]*model.Article, error) {
	as, err := c.ParseURL(ctx, rawURL)
	articles.Recognize(as)
	return as, err
}

// ParseURL is ReadURL without recognising people and places.
func (c *Client) ParseURL(ctx context.Context, rawURL string) ([]*model.Article, error) {
	r, err := c.Get(ctx, rawURL, Validators{})
	if err != nil {
		return nil, &articles.Error{Source: rawURL, Err: err}
	}
	return articles.Parse(rawURL, r.Body)
}
