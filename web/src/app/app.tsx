export function App() {
  return (
    <main>
      <h1>Poolscope</h1>
    </main>
  );
}
