"""A visitor from Tamanrasset: Arabic home, French news, then sign up, verify and log in."""

import re

import pytest
from django.core import mail
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("restored_db")]


def test_arabic_home_french_news_signup_verify_login(live_server, page, artifacts, csp_violations):
    call_command("seed_demo", verbosity=0)

    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/ar/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("h1").inner_text() == "تدريب: منصة تكوين الحركة الجمعوية"
    page.screenshot(path=str(artifacts / "home-ar.png"), full_page=True)

    page.get_by_role("link", name="Français").click()
    page.wait_for_url(live_server.url + "/fr/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "fr"
    page.screenshot(path=str(artifacts / "home-fr.png"), full_page=True)

    first_news = page.locator("[aria-labelledby=latest-news] .card__title a").first
    title = first_news.inner_text()
    first_news.click()
    assert page.locator("h1").inner_text() == title
    assert "/fr/news/" in page.url

    page.get_by_role("link", name="S'inscrire").click()
    page.fill("input[name=email]", "nour@example.dz")
    page.fill("input[name=full_name_latin]", "Nour Amrani")
    page.fill("input[name=full_name_arabic]", "نور عمراني")
    page.select_option("select[name=wilaya]", label="11 — Tamanrasset")
    page.fill("input[name=password1]", "une phrase de passe longue")
    page.fill("input[name=password2]", "une phrase de passe longue")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/fr/accounts/confirm-email/$"))

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/fr/accounts/login/.*"))

    page.fill("input[name=login]", "nour@example.dz")
    page.fill("input[name=password]", "une phrase de passe longue")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/fr/")
    assert page.get_by_role("button", name="Se déconnecter").is_visible()
    assert csp_violations == []
