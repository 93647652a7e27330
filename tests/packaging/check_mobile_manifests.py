#!/usr/bin/env python3
"""Checks the Android and iOS project files that this machine cannot build (docs/packaging.md).

What a wrong edit would silently break on a phone, caught here on every desktop build:
  Android  allowBackup/fullBackupContent off, data extraction rules that exclude everything from
           cloud backup and device transfer, exactly the expected permissions, no permission
           placeholders, components not exported unless they must be, neutral user-visible
           strings, every Java class and method that C++ calls through JNI exists.
  iOS      no usage descriptions, neutral names, no file sharing, no App Transport Security
           exceptions, data protection "complete", the Keychain item "this device only".
  Both     wired into CMake (QT_ANDROID_PACKAGE_SOURCE_DIR, MACOSX_BUNDLE_INFO_PLIST), and every
           pinned third-party tarball carries a SHA-256.

  check_mobile_manifests.py --root <source dir>              exit 0 when all is well
  check_mobile_manifests.py --root <source dir> --negative   breaks copies of the files in
           ways the check must catch and fails if any breakage goes unnoticed
"""

import argparse
import plistlib
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ANDROID_NS = "{http://schemas.android.com/apk/res/android}"

# The whole list (docs/adr/0020); CAMERA for scanning QR codes only (docs/adr/0018). This set
# and the ADRs change together.
EXPECTED_PERMISSIONS = {
    "android.permission.INTERNET": None,
    "android.permission.POST_NOTIFICATIONS": None,
    "android.permission.RECEIVE_BOOT_COMPLETED": None,
    "android.permission.SCHEDULE_EXACT_ALARM": "32",  # maxSdkVersion
    "android.permission.USE_EXACT_ALARM": None,
    "android.permission.CAMERA": None,
}

# The pinned third-party recipes a phone build needs (ADR 0020; QR libraries ADR 0018, 0028).
EXPECTED_THIRD_PARTY = {"companion_sodium_external", "companion_openssl_external",
                        "companion_sqlcipher_external", "companion_zxcvbn_external",
                        "companion_qrencode_external", "companion_zbar_external"}

# Extraction domains that must all be excluded (Android 12+ data extraction rules).
EXTRACTION_DOMAINS = {"root", "file", "database", "sharedpref", "external", "device_root",
                      "device_file", "device_database", "device_sharedpref"}

# Components that may be exported, and why: the launcher activity, and the boot receiver
# (it listens only to protected system broadcasts).
EXPORTED_ALLOWED = {"org.qtproject.qt.android.bindings.QtActivity",
                    "org.companionapp.companion.BootReceiver"}

# iOS usage descriptions allowed: the camera, for QR codes only (docs/adr/0018), in neutral words
# (the forbidden-words check below covers it).
ALLOWED_USAGE_DESCRIPTIONS = {"NSCameraUsageDescription"}
ALLOWED_ENTITLEMENTS = {"com.apple.developer.default-data-protection"}

# Words that must not appear in anything a home screen, a settings page, a notification or an
# app store listing shows: they would tell an onlooker what the owner is treated for.
TREATMENT_WORDS = re.compile(
    r"ketamin|esketamin|spravato|infusion|depress|psychedel|psychiatr|suicid|mental|"
    r"therap|treatment|clinic|dissociat|an(a)?esthe|drug|tratamiento|terapia|cl[ií]nica",
    re.IGNORECASE)


class Checker:
    def __init__(self, root: Path):
        self.root = root
        self.errors = []

    def fail(self, message):
        self.errors.append(message)

    def parse_xml(self, path):
        try:
            return ET.parse(path).getroot()
        except (ET.ParseError, OSError) as error:
            self.fail(f"{path.relative_to(self.root)}: not well-formed XML ({error})")
            return None

    def neutral(self, where, text):
        if text and TREATMENT_WORDS.search(text):
            self.fail(f"{where}: user-visible text reveals the treatment: {text!r}")

    # ---- Android ----------------------------------------------------------------------------
    def android(self):
        base = self.root / "platforms/android"
        manifest_path = base / "AndroidManifest.xml"
        raw = manifest_path.read_text(encoding="utf-8")
        if "INSERT_PERMISSIONS" in raw or "INSERT_FEATURES" in raw:
            self.fail("AndroidManifest.xml: a permission/feature placeholder would let Qt add "
                      "permissions")
        manifest = self.parse_xml(manifest_path)
        if manifest is None:
            return
        self.neutral("AndroidManifest.xml package", manifest.get("package"))

        strings = {}
        for strings_path in sorted(base.glob("res/values*/strings.xml")):
            root = self.parse_xml(strings_path)
            if root is None:
                continue
            for string in root.iter("string"):
                strings.setdefault(string.get("name"), string.text)
                self.neutral(f"{strings_path.relative_to(self.root)} {string.get('name')}",
                             string.text)
        for res in sorted(base.glob("res/**/*.xml")):
            self.parse_xml(res)

        def label(element, where):
            value = element.get(ANDROID_NS + "label")
            if value is None:
                return
            if value.startswith("@string/"):
                name = value[len("@string/"):]
                if name not in strings:
                    self.fail(f"{where}: label {value} is not defined in res/values")
                value = strings.get(name)
            self.neutral(f"{where} label", value)

        permissions = {}
        for permission in manifest.iter("uses-permission"):
            name = permission.get(ANDROID_NS + "name")
            if name in permissions:
                self.fail(f"AndroidManifest.xml: permission {name} declared twice")
            permissions[name] = permission.get(ANDROID_NS + "maxSdkVersion")
        for element in manifest.iter("uses-permission-sdk-23"):
            self.fail(f"AndroidManifest.xml: unexpected <uses-permission-sdk-23> "
                      f"{element.get(ANDROID_NS + 'name')}")
        # Hardware features: only the camera, and never required (a phone without one still
        # installs the app and enrols by typed code).
        for element in manifest.iter("uses-feature"):
            name = element.get(ANDROID_NS + "name")
            if name != "android.hardware.camera":
                self.fail(f"AndroidManifest.xml: unexpected <uses-feature> {name}")
            elif element.get(ANDROID_NS + "required") != "false":
                self.fail("AndroidManifest.xml: the camera must not be a required feature")
        if set(permissions) != set(EXPECTED_PERMISSIONS):
            extra = sorted(set(permissions) - set(EXPECTED_PERMISSIONS))
            missing = sorted(set(EXPECTED_PERMISSIONS) - set(permissions))
            self.fail(f"AndroidManifest.xml: permissions differ from the documented list "
                      f"(extra {extra}, missing {missing})")
        for name, max_sdk in EXPECTED_PERMISSIONS.items():
            if name in permissions and permissions[name] != max_sdk:
                self.fail(f"AndroidManifest.xml: {name} maxSdkVersion is {permissions[name]}, "
                          f"expected {max_sdk}")

        application = manifest.find("application")
        if application is None:
            self.fail("AndroidManifest.xml: no <application>")
            return
        label(application, "<application>")
        expected = {"allowBackup": "false", "fullBackupContent": "false",
                    "usesCleartextTraffic": "false",
                    "dataExtractionRules": "@xml/data_extraction_rules"}
        for attribute, value in expected.items():
            actual = application.get(ANDROID_NS + attribute)
            if actual != value:
                self.fail(f"AndroidManifest.xml: application {attribute}={actual!r}, "
                          f"expected {value!r}")
        self.extraction_rules(base / "res/xml/data_extraction_rules.xml")

        java_dir = base / "src"
        for component in application:
            name = component.get(ANDROID_NS + "name")
            label(component, f"<{component.tag} {name}>")
            exported = component.get(ANDROID_NS + "exported")
            if component.tag in ("activity", "receiver", "service", "provider"):
                if exported is None:
                    self.fail(f"AndroidManifest.xml: {name} must say android:exported")
                elif exported == "true" and name not in EXPORTED_ALLOWED:
                    self.fail(f"AndroidManifest.xml: {name} is exported")
            if name and name.startswith("org.companionapp."):
                source = java_dir / (name.replace(".", "/") + ".java")
                if not source.is_file():
                    self.fail(f"AndroidManifest.xml: {name} has no source in platforms/android/src")

        for java in sorted(java_dir.rglob("*.java")):
            for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', java.read_text(encoding="utf-8")):
                self.neutral(f"{java.relative_to(self.root)}", literal)
        self.jni_calls(java_dir)

    def extraction_rules(self, path):
        rules = self.parse_xml(path)
        if rules is None:
            return
        for section in ("cloud-backup", "device-transfer"):
            element = rules.find(section)
            if element is None:
                self.fail(f"data_extraction_rules.xml: no <{section}>")
                continue
            if element.find("include") is not None:
                self.fail(f"data_extraction_rules.xml: <{section}> includes something")
            excluded = {e.get("domain") for e in element.findall("exclude")
                        if e.get("path") == "."}
            if excluded != EXTRACTION_DOMAINS:
                self.fail(f"data_extraction_rules.xml: <{section}> leaves domains out: "
                          f"{sorted(EXTRACTION_DOMAINS - excluded)}")

    def jni_calls(self, java_dir):
        """Every org/companionapp class and static method C++ calls exists in the Java sources."""
        for source in sorted((self.root / "src/platform/android").glob("*.cpp")):
            text = source.read_text(encoding="utf-8")
            constants = dict(re.findall(r'(\w+)\[\]\s*=\s*"(org/companionapp/[\w/]+)"', text))
            calls = re.findall(
                r'callStatic(?:Object)?Method(?:<\w+>)?\(\s*(\w+|"[\w/]+")\s*,\s*"(\w+)"', text)
            if "QJniObject" in text and not calls:
                self.fail(f"{source.relative_to(self.root)}: JNI calls not recognised")
            for klass, method in calls:
                path = constants.get(klass, klass.strip('"'))
                java = java_dir / (path + ".java")
                if not java.is_file():
                    self.fail(f"{source.relative_to(self.root)}: calls {path}, which does not exist")
                    continue
                if not re.search(rf"public\s+static\s+(?:synchronized\s+)?[\w\[\]]+\s+{method}\(",
                                 java.read_text(encoding="utf-8")):
                    self.fail(f"{source.relative_to(self.root)}: {path}.{method} is not a public "
                              f"static method")

    # ---- iOS --------------------------------------------------------------------------------
    def ios(self):
        base = self.root / "platforms/ios"
        try:
            with open(base / "Info.plist.in", "rb") as handle:
                info = plistlib.load(handle)
        except Exception as error:  # plistlib raises several types
            self.fail(f"Info.plist.in: not a valid plist ({error})")
            return
        for key in info:
            if key.endswith("UsageDescription") and key not in ALLOWED_USAGE_DESCRIPTIONS:
                self.fail(f"Info.plist.in: {key} asks for a permission the app does not need")
        for key in ("CFBundleName", "CFBundleDisplayName"):
            if info.get(key) != "Companion":
                self.fail(f"Info.plist.in: {key} is {info.get(key)!r}, expected 'Companion'")
        for key, value in info.items():
            if isinstance(value, str):
                self.neutral(f"Info.plist.in {key}", value)
        if info.get("UIFileSharingEnabled") is not False:
            self.fail("Info.plist.in: UIFileSharingEnabled must be false")
        if info.get("LSSupportsOpeningDocumentsInPlace") is not False:
            self.fail("Info.plist.in: LSSupportsOpeningDocumentsInPlace must be false")
        if "NSAppTransportSecurity" in info:
            self.fail("Info.plist.in: App Transport Security exceptions are not allowed")
        if not {"en", "es"} <= set(info.get("CFBundleLocalizations", [])):
            self.fail("Info.plist.in: CFBundleLocalizations must list en and es")
        if "${MACOSX_BUNDLE_GUI_IDENTIFIER}" != info.get("CFBundleIdentifier"):
            self.fail("Info.plist.in: CFBundleIdentifier must come from CMake")

        try:
            with open(base / "Companion.entitlements", "rb") as handle:
                entitlements = plistlib.load(handle)
        except Exception as error:
            self.fail(f"Companion.entitlements: not a valid plist ({error})")
            return
        if entitlements.get("com.apple.developer.default-data-protection") != \
                "NSFileProtectionComplete":
            self.fail("Companion.entitlements: data protection must be NSFileProtectionComplete")
        for key in set(entitlements) - ALLOWED_ENTITLEMENTS:
            self.fail(f"Companion.entitlements: unexpected entitlement {key}")

        keychain = (self.root / "src/platform/ios/ioskeychainkeystore.mm").read_text(
            encoding="utf-8")
        classes = set(re.findall(r"kSecAttrAccessible\w+", keychain))
        if classes != {"kSecAttrAccessibleWhenUnlockedThisDeviceOnly"}:
            self.fail(f"ioskeychainkeystore.mm: Keychain accessibility must be "
                      f"WhenUnlockedThisDeviceOnly only, found {sorted(classes)}")

    # ---- CMake ------------------------------------------------------------------------------
    def cmake(self):
        app = (self.root / "app/patient/CMakeLists.txt").read_text(encoding="utf-8")
        if not re.search(r"QT_ANDROID_PACKAGE_SOURCE_DIR\s+\$\{PROJECT_SOURCE_DIR\}/platforms/android\)",
                         app):
            self.fail("app/patient/CMakeLists.txt: QT_ANDROID_PACKAGE_SOURCE_DIR is not "
                      "platforms/android")
        # The package's minimum must be the native code's (ThirdPartyMobile.cmake stops below
        # API 28): a lower one installs an app whose libraries cannot load.
        min_sdk = re.search(r"QT_ANDROID_MIN_SDK_VERSION\s+(\d+)", app)
        if not min_sdk or int(min_sdk.group(1)) < 28:
            self.fail("app/patient/CMakeLists.txt: QT_ANDROID_MIN_SDK_VERSION must be 28 or more "
                      "(zbar needs iconv from API 28)")
        if not re.search(r"MACOSX_BUNDLE_INFO_PLIST\s+\$\{PROJECT_SOURCE_DIR\}/platforms/ios/"
                         r"Info\.plist\.in\s", app):
            self.fail("app/patient/CMakeLists.txt: MACOSX_BUNDLE_INFO_PLIST is not "
                      "platforms/ios/Info.plist.in")
        thirdparty = (self.root / "cmake/ThirdPartyMobile.cmake").read_text(encoding="utf-8")
        projects = re.findall(r"ExternalProject_Add\((\w+)(.*?)\n\s*BUILD_BYPRODUCTS",
                              thirdparty, re.S)
        missing = sorted(set(EXPECTED_THIRD_PARTY) - {name for name, _ in projects})
        if missing:
            self.fail(f"ThirdPartyMobile.cmake: no pinned recipe for {missing}")
        for target in ("PkgConfig::SODIUM", "PkgConfig::QRENCODE", "PkgConfig::ZBAR"):
            if not re.search(rf"add_library\({re.escape(target)} STATIC IMPORTED GLOBAL\)",
                             thirdparty):
                self.fail(f"ThirdPartyMobile.cmake: {target} is not defined for phone builds")
        # zbar decodes what any camera sees: it ships only with Debian's decoder fixes applied.
        if not re.search(r"PATCH_COMMAND \$\{_tp_zbar_patch_command\}", thirdparty) or \
                not re.search(r"if\(NOT COMPANION_ZBAR_PATCH_DIR OR NOT _tp_zbar_patches\)\s*\n"
                              r"(?:\s*#[^\n]*\n)*\s*message\(FATAL_ERROR", thirdparty):
            self.fail("ThirdPartyMobile.cmake: zbar must be patched (COMPANION_ZBAR_PATCH_DIR) "
                      "and configure must stop without the patches")
        for name, body in projects:
            match = re.search(r"URL_HASH SHA256=\$\{(\w+)\}", body)
            if not match:
                self.fail(f"ThirdPartyMobile.cmake: {name} has no SHA-256 pin")
                continue
            value = re.search(rf"set\({match.group(1)}\s+([^\s)]+)", thirdparty)
            url = re.search(r"^\s*URL \$\{(\w+)\}", body, re.M)
            if not url or not re.search(rf'set\({url.group(1)}\s+"https://', thirdparty):
                self.fail(f"ThirdPartyMobile.cmake: {name} does not download over HTTPS from a "
                          f"pinned URL")
            if not value:
                self.fail(f"ThirdPartyMobile.cmake: {match.group(1)} is never set")
            elif not re.fullmatch(r"[0-9a-f]{64}", value.group(1)) and \
                    'CACHE STRING' not in thirdparty[value.start():value.start() + 200]:
                self.fail(f"ThirdPartyMobile.cmake: {match.group(1)} is not a SHA-256")
        if "libsodium-1.0.18.tar.gz" not in thirdparty:
            self.fail("ThirdPartyMobile.cmake: libsodium must be the 1.0.18 release (ADR 0020)")

    def run(self):
        self.android()
        self.ios()
        self.cmake()
        return self.errors


def negative(root: Path):
    """Each mutation must make the check fail; returns the mutations that went unnoticed."""
    mutations = [
        ("platforms/android/AndroidManifest.xml", 'android:allowBackup="false"',
         'android:allowBackup="true"'),
        ("platforms/android/AndroidManifest.xml",
         '<uses-permission android:name="android.permission.INTERNET" />',
         '<uses-permission android:name="android.permission.INTERNET" />\n'
         '    <uses-permission android:name="android.permission.RECORD_AUDIO" />'),
        ("platforms/android/AndroidManifest.xml",
         '<uses-permission android:name="android.permission.INTERNET" />',
         '<!-- %%INSERT_PERMISSIONS -->'),
        ("platforms/android/AndroidManifest.xml", 'android:exported="false"',
         'android:exported="true"'),
        ("platforms/android/res/values/strings.xml", ">Companion<", ">Ketamine Companion<"),
        ("platforms/android/AndroidManifest.xml",
         'android:name="android.hardware.camera" android:required="false"',
         'android:name="android.hardware.camera" android:required="true"'),
        ("platforms/android/res/xml/data_extraction_rules.xml",
         '<exclude domain="device_database" path="." />', ""),
        ("platforms/android/src/org/companionapp/companion/SecureWindow.java",
         "public static void apply(", "static void apply("),
        ("platforms/android/src/org/companionapp/companion/RuntimePermissions.java",
         "public static int status(", "static int status("),
        ("src/platform/android/androidpermissionsource.cpp", '"request",', '"requestPermission",'),
        ("platforms/ios/Info.plist.in", "<key>UIFileSharingEnabled</key>",
         "<key>NSMicrophoneUsageDescription</key>\n    <string>Voice notes</string>\n"
         "    <key>UIFileSharingEnabled</key>"),
        ("platforms/ios/Info.plist.in", "<string>Companion</string>",
         "<string>Infusion diary</string>"),
        ("platforms/ios/Companion.entitlements", "<string>NSFileProtectionComplete</string>",
         "<string>NSFileProtectionCompleteUntilFirstUserAuthentication</string>"),
        ("src/platform/ios/ioskeychainkeystore.mm", "kSecAttrAccessibleWhenUnlockedThisDeviceOnly;",
         "kSecAttrAccessibleAfterFirstUnlock;"),
        ("app/patient/CMakeLists.txt", "platforms/android)", "platforms/android-old)"),
        ("app/patient/CMakeLists.txt", "QT_ANDROID_MIN_SDK_VERSION 28", "QT_ANDROID_MIN_SDK_VERSION 23"),
        ("cmake/ThirdPartyMobile.cmake", "URL_HASH SHA256=${COMPANION_SODIUM_SHA256}", ""),
        ("cmake/ThirdPartyMobile.cmake", "URL_HASH SHA256=${COMPANION_ZBAR_SHA256}", ""),
        ("cmake/ThirdPartyMobile.cmake",
         "e455d9732f8041cf5b9c388e345a641fd15707860f928e94507b1961256a6923",
         "e455d9732f8041cf5b9c388e345a641fd15707860f928e94507b1961256a692"),
        ("cmake/ThirdPartyMobile.cmake",
         "dffc16695cb6e42fa318a4946fd42866c0f5ab735f7eaf450b108d1c3a19b4ba", "\"\""),
        ("cmake/ThirdPartyMobile.cmake", "ExternalProject_Add(companion_qrencode_external",
         "ExternalProject_Add(companion_qrencode_unused"),
        ("cmake/ThirdPartyMobile.cmake", "add_library(PkgConfig::ZBAR STATIC IMPORTED GLOBAL)",
         "add_library(companion_zbar STATIC IMPORTED GLOBAL)"),
        ("cmake/ThirdPartyMobile.cmake", "PATCH_COMMAND ${_tp_zbar_patch_command}",
         "PATCH_COMMAND autoreconf -vfi"),
        ("cmake/ThirdPartyMobile.cmake", '"https://fukuchi.org/works/qrencode/',
         '"http://fukuchi.org/works/qrencode/'),
    ]
    baseline = Checker(root).run()
    if baseline:
        return [f"the unmodified files already fail: {baseline[0]}"]
    unnoticed = []
    copied = ["platforms", "src/platform", "app/patient", "cmake"]
    for file, old, new in mutations:
        with tempfile.TemporaryDirectory() as scratch:
            scratch = Path(scratch)
            for folder in copied:
                shutil.copytree(root / folder, scratch / folder)
            target = scratch / file
            text = target.read_text(encoding="utf-8")
            if old not in text:
                unnoticed.append(f"{file}: the text to mutate is gone ({old!r})")
                continue
            target.write_text(text.replace(old, new, 1), encoding="utf-8")
            if not Checker(scratch).run():
                unnoticed.append(f"{file}: {old!r} -> {new!r} passed the check")
    return unnoticed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--negative", action="store_true")
    args = parser.parse_args()
    root = args.root.resolve()
    if args.negative:
        problems = negative(root)
        for problem in problems:
            print(f"NOT CAUGHT: {problem}")
        print(f"{'FAIL' if problems else 'OK'}: every mutation checked")
        return 1 if problems else 0
    errors = Checker(root).run()
    for error in errors:
        print(f"FAIL: {error}")
    if not errors:
        print("OK: Android manifest, iOS Info.plist and entitlements, CMake wiring, pinned sources")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
