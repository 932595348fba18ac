#!/usr/bin/python3
"""What a reader sees on a page of the audit report, in a real browser (Chromium, headless, through
chromedriver): the page is opened from its file, its script must have run, and the rendered text is read.

usage: audit_text.py FILE_URL
Prints one JSON line: {"lang": <html lang>, "title": <h1 text>, "text": <document.body.innerText>}.
Exit status 0 when the page loaded and its script ran through.
Needs Debian's chromium, chromium-driver and python3-selenium."""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main():
    url = sys.argv[1]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1280,2000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url)
        WebDriverWait(driver, 30).until(
            lambda d: d.execute_script("return document.documentElement.hasAttribute('data-js-ok')"))
        seen = {
            "lang": driver.find_element(By.TAG_NAME, "html").get_attribute("lang"),
            "title": driver.find_element(By.TAG_NAME, "h1").text,
            "text": driver.execute_script("return document.body.innerText"),
        }
        print(json.dumps(seen, ensure_ascii=False))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
