<?xml version="1.0" encoding="utf-8"?>
<!--
  How a browser shows the site's Atom feeds (/job/feed.xml, /job/feeds/*/*.xml):
  a plain Danish page that says what a feed is, how to follow it, and lists the
  postings. Feed readers ignore this stylesheet.

  Every text from the feed is written with xsl:value-of, so the browser gets it
  as text (output escaping is never turned off); the page loads nothing, not even
  from the site itself: its style is inline. The month names are written here
  because XSLT 1.0 has no locale (they are Babel's da_DK names).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="http://www.w3.org/2005/Atom"
                exclude-result-prefixes="a">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="months" select="'januar    februar   marts     april     maj       juni      juli      august    september oktober   november  december  '"/>

  <xsl:template name="day">
    <xsl:param name="when"/>
    <xsl:variable name="month" select="number(substring($when, 6, 2))"/>
    <xsl:value-of select="concat(number(substring($when, 9, 2)), '. ',
                                 normalize-space(substring($months, ($month - 1) * 10 + 1, 10)), ' ',
                                 substring($when, 1, 4))"/>
  </xsl:template>

  <xsl:template match="/a:feed">
    <xsl:variable name="calendar" select="a:link[@rel='alternate'][@type='text/calendar']/@href"/>
    <html lang="da">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="a:title"/> (nyhedsfeed)</title>
        <style>
          body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
                 color: #1d1d1f; background: #fff; margin: 0; }
          main { max-width: 44rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
          h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 .5rem; }
          h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
          a { color: #3949ab; }
          .about { background: #eef0fa; border-radius: .5rem; padding: .75rem 1rem; margin: 1rem 0 1.5rem; }
          .about p { margin: .4rem 0; }
          .address { display: block; font-family: ui-monospace, monospace; font-size: .9rem;
                     overflow-wrap: anywhere; background: #fff; padding: .25rem .5rem; border-radius: .25rem; }
          ul.entries { list-style: none; padding: 0; margin: 0; }
          ul.entries li { border-top: 1px solid #d0d3e0; padding: .9rem 0; }
          .meta { color: #4a4a55; font-size: .95rem; margin: .25rem 0 0; }
          /* Chromium (2025-) lays its XSLT deprecation banner over the top of the page until it is
             closed: while it is open, the page starts below it. No such element, no effect. */
          body:has(> xslt-warning-banner:popover-open) { padding-top: 7rem; }
          @media (max-width: 800px) { body:has(> xslt-warning-banner:popover-open) { padding-top: 10rem; } }
          @media (max-width: 480px) { body:has(> xslt-warning-banner:popover-open) { padding-top: 14rem; } }
          @media (max-width: 360px) { body:has(> xslt-warning-banner:popover-open) { padding-top: 16rem; } }
        </style>
      </head>
      <body>
        <main>
          <h1><xsl:value-of select="a:title"/></h1>
          <div class="about">
            <p><strong>Det her er et nyhedsfeed.</strong> Du kan følge det i en feedlæser (en app til nyheder),
              så får du besked, når der kommer nye stillinger. Kopiér adressen herunder ind i din feedlæser:</p>
            <p><span class="address"><xsl:value-of select="a:link[@rel='self']/@href"/></span></p>
            <xsl:if test="$calendar">
              <p>Vil du hellere have fristerne og samtalerne i din kalender?
                <a href="{concat('webcal://', substring-after($calendar, '://'))}">Abonnér på kalenderen</a>.</p>
            </xsl:if>
            <p><a href="{a:link[@rel='related']/@href}">Sådan får du besked om nye stillinger</a> ·
              <a href="{a:link[@rel='alternate'][@type='text/html']/@href}">Se alle ledige stillinger</a></p>
          </div>
          <xsl:choose>
            <xsl:when test="a:entry">
              <p><xsl:value-of select="count(a:entry)"/>
                <xsl:choose>
                  <xsl:when test="count(a:entry) = 1"> ledig stilling, den nyeste først:</xsl:when>
                  <xsl:otherwise> ledige stillinger, den nyeste først:</xsl:otherwise>
                </xsl:choose>
              </p>
              <ul class="entries">
                <xsl:apply-templates select="a:entry"/>
              </ul>
            </xsl:when>
            <xsl:otherwise>
              <p>Der er ingen ledige stillinger her lige nu. Følger du feedet, får du besked, når der kommer en.</p>
            </xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="a:entry">
    <li>
      <h2><a href="{a:link[not(@rel) or @rel='alternate'][1]/@href}"><xsl:value-of select="a:title"/></a></h2>
      <xsl:if test="a:summary">
        <p><xsl:value-of select="a:summary"/></p>
      </xsl:if>
      <p class="meta">
        <xsl:value-of select="a:author/a:name"/>
        <xsl:text> · Offentliggjort </xsl:text>
        <xsl:call-template name="day"><xsl:with-param name="when" select="a:published"/></xsl:call-template>
      </p>
    </li>
  </xsl:template>
</xsl:stylesheet>
